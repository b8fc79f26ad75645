using System.CommandLine;
using Jiedan.Common.Cli;
using Jiedan.Deals.Import;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Deals.Cli;

/// <summary><c>jiedan deals import FILE</c> (all or nothing, idempotent) and <c>jiedan deals export</c>.</summary>
public static class DealsTransferCommands
{
    public static Command Import()
    {
        var file =
            new Argument<FileInfo>("file") { Description = "A .csv or .json export: one stage event per row" +
                " (format: docs/deals-import.md)" };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("import", "Import deals and stage events; nothing is imported if any row is bad") { file, db, json };
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            var path = parse.GetValue(file)!;
            if (!path.Exists) return output.Fail($"{path.FullName}: no such file");
            ImportResult result;
            await using (var services = await CliServices.OpenAsync(parse.GetValue(db), DealsModule.RegisterData, ct))
            {
                await using var stream = OpenOrNull(path, out var openError);
                if (stream is null) return output.Fail($"{path.FullName}: {openError}");
                result = await services.CreateScope().ServiceProvider.GetRequiredService<DealImporter>()
                    .ImportAsync(path.Name, stream, Environment.UserName, ct);
            }
            if (!result.Succeeded)
            {
                foreach (var e in result.Errors) output.Error.WriteLine(e.Format(path.Name));
                return output.Fail($"{result.Errors.Count} error(s) in {path.Name}; nothing was imported");
            }
            if (parse.GetValue(json)) return output.WriteJson(result);
            output.Out.WriteLine($"Imported {path.Name}: {result.Rows} rows, {result.DealsCreated} new deals," +
                $" {result.EventsAdded} new events, {result.EventsAlreadyPresent} already present.");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Export()
    {
        var filters = new DealFilterOptions();
        var format = new Option<string>("--format") { Description = "csv or json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var outputFile = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var db = CommonOptions.Db();
        var command = new Command("export", "Export deals and events in the import format");
        filters.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(outputFile);
        command.Options.Add(db);
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            var (query, error) = filters.Read(parse);
            if (query is null) return output.Fail(error!);
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), DealsModule.RegisterData, ct);
            var exporter = services.CreateScope().ServiceProvider.GetRequiredService<DealExporter>();
            if (parse.GetValue(outputFile) is not { } target)
            {
                await exporter.ExportAsync(output.Out, parse.GetValue(format)!, query, ct);
                return ExitCodes.Ok;
            }
            // Written beside the target and renamed, so a failed export never leaves half a file.
            var temp = target.FullName + ".partial";
            await using (var writer = new StreamWriter(temp))
                await exporter.ExportAsync(writer, parse.GetValue(format)!, query, ct);
            File.Move(temp, target.FullName, overwrite: true);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static FileStream? OpenOrNull(FileInfo path, out string? error)
    {
        try
        {
            error = null;
            return path.OpenRead();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e.Message;
            return null;
        }
    }
}
