using System.CommandLine;
using System.Globalization;
using Jiedan.Common.Cli;
using Jiedan.Contract.Services;
using Jiedan.Contract.Tools;
using Jiedan.Deals;
using Jiedan.Domain.Contract;
using Jiedan.Files;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Contract.Cli;

/// <summary>
/// <c>jiedan contract REQUIREMENT.yml --out DIR [--deal ID] [--json]</c>: writes DIR/&lt;service&gt;.proto, DIR/openapi.yaml
/// and DIR/parity.json. Exit 0 when both files agree, 1 when parity finds a difference (the files are written to be
/// looked at), 2 on bad input (<c>file:line:column: reason</c> on stderr, nothing written).
/// </summary>
internal static class ContractCommands
{
    private static readonly CliRegistration Uses = Needs.Of(DealsModule.RegisterData, ContractModule.RegisterData);

    public static Command Create()
    {
        var requirement = new Argument<FileInfo>("REQUIREMENT") { Description = "requirement.yml (schema in docs/contract.md)" };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "folder for <service>.proto, openapi.yaml and parity.json (created if missing)", Required = true,
        };
        var deal = new Option<long?>("--deal") { Description = "also store the requirement as a new version on this deal" };
        var json = CommonOptions.Json();
        var db = CommonOptions.Db();
        var command = new Command("contract",
            "Generate a .proto (protovalidate rules) and an OpenAPI 3.0.3 document from a requirement, and prove they agree")
        {
            requirement, output, deal, json, db,
        };
        command.SetAction((parse, ct) => RunAsync(parse, parse.GetValue(requirement)!, parse.GetValue(output)!,
            parse.GetValue(deal), parse.GetValue(json), parse.GetValue(db), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, FileInfo file, DirectoryInfo folder, long? dealId, bool asJson,
        string? db, CancellationToken ct)
    {
        var console = CliOutput.From(parse);
        string text;
        try { text = RegularFile.ReadAllText(file.FullName, RequirementLimits.MaxBytes); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return console.Fail($"contract: cannot read {file}: {e.Message}");
        }

        var builder = new ContractBuilder(new Protoc(ProtocLocation.From(CliServices.Configuration())));
        ContractResult result;
        try { result = await builder.BuildAsync(text, file.ToString(), ct); }
        catch (RequirementException e)
        {
            console.Error.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
        catch (ProtocException e)
        {
            return console.Fail($"contract: {e.Message}", ExitCodes.CheckFailed);
        }

        await using var services = dealId is null ? null : await CliServices.OpenAsync(db, Uses, ct);
        await using var scope = services?.CreateAsyncScope();
        var store = scope?.ServiceProvider.GetRequiredService<RequirementStore>();
        if (store is not null && !await store.DealExistsAsync(dealId!.Value, ct))
            return console.Fail(string.Create(CultureInfo.InvariantCulture, $"contract: --deal: no deal {dealId}"));

        IReadOnlyList<string> files;
        try { files = ContractOutput.Write(folder.FullName, result); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return console.Fail($"contract: cannot write {folder}: {e.Message}");
        }
        var stored = store is null ? null
            : await store.AddAsync(dealId!.Value, text, result.Requirement, $"cli:{Environment.UserName}", ct);
        var exit = result.Parity.Complete ? ExitCodes.Ok : ExitCodes.CheckFailed;
        if (asJson)
        {
            console.WriteJson(new ContractRun(result.Requirement.Service, result.Requirement.Version, folder.FullName, files,
                stored is null ? null : new StoredOn(stored.DealId, stored.Number), ParityView.From(result.Parity)));
            return exit;
        }
        WriteSummary(console.Out, result, folder.FullName, files);
        if (stored is not null)
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"stored on deal {stored.DealId} as requirement version {stored.Number}"));
        return exit;
    }

    private static void WriteSummary(TextWriter output, ContractResult result, string folder, IReadOnlyList<string> files)
    {
        var parity = result.Parity;
        output.WriteLine($"contract {result.Requirement.Service} {result.Requirement.Version} → {folder}");
        foreach (var name in files) output.WriteLine($"  {name}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"parity: {(parity.Complete ? "complete" : "INCOMPLETE")}: {parity.Fields.Count} fields compared, "
            + $"{parity.Carried.Count} carried as extensions, {parity.Differences.Count} differences"));
        foreach (var carried in parity.Carried) output.WriteLine($"  carried: {carried}");
        foreach (var difference in parity.Differences) output.WriteLine($"  difference: {difference}");
    }
}

/// <summary>What <c>jiedan contract --json</c> prints.</summary>
internal sealed record ContractRun(string Service, string Version, string Out, IReadOnlyList<string> Files, StoredOn? Deal,
    ParityView Parity);

/// <summary>The deal and requirement version <c>--deal</c> stored.</summary>
internal sealed record StoredOn(long Id, int Version);
