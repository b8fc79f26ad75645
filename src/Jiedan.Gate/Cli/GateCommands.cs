using System.CommandLine;
using System.Globalization;
using Jiedan.Common.Cli;
using Jiedan.Contract;
using Jiedan.Contract.Services;
using Jiedan.Deals;
using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.Checklist;
using Jiedan.Gate.Reports;
using Jiedan.Gate.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Gate.Cli;

/// <summary>
/// <c>jiedan gate [DIR] [--policy FILE] [--deal ID] [--json] [--out DIR] [--run]</c>: the delivery gate.
/// Exit 0 when every check passes, 1 when one fails or required evidence is missing, 2 on bad input.
/// </summary>
public static class GateCommands
{
    private static readonly CliRegistration Uses = Needs.Of(DealsModule.RegisterData, ContractModule.RegisterData, GateModule.RegisterData);

    public static Command Create(TimeProvider? clock = null)
    {
        var dir = new Argument<string>("DIR") { Description = "The delivered project (default: the current directory)",
            DefaultValueFactory = _ => "." };
        var policy = new Option<string?>("--policy") { Description = "Policy file (default: DIR/jiedan.gate.yml, else the seed defaults)" };
        var deal = new Option<long?>("--deal") { Description = "Store the result, the evidence hash and the report on this deal" };
        var db = CommonOptions.Db();
        var json = new Option<bool>("--json") { Description = "Print the checklist as JSON" };
        var outDir =
            new Option<string?>("--out") { Description = "Where to write gate.html, gate.pdf, gate.json, gate.junit.xml, gate.md" +
                " (default: DIR/gate-report)" };
        var run = new Option<bool>("--run") { Description = "Run go test, the complexity counter, gosec" +
            " and golangci-lint where installed" };
        var lang = new Option<string>("--lang") { Description = "Report language: zh or en", DefaultValueFactory = _ => "zh" };
        lang.AcceptOnlyFromAmong("zh", "en");
        var command = new Command("gate",
            "Delivery gate: check a delivered project's evidence against its policy and write the deliverables checklist")
        {
            dir, policy, deal, db, json, outDir, run, lang,
        };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var project = parse.GetValue(dir)!;
            var output = parse.GetValue(outDir) ?? Path.Combine(project, "gate-report");
            var dealId = parse.GetValue(deal);
            await using var services = dealId is null ? null : await CliServices.OpenAsync(parse.GetValue(db), Uses, ct);
            using var scope = services?.CreateScope();
            var store = scope?.ServiceProvider.GetRequiredService<GateRunStore>();
            if (store is not null && !await store.DealExistsAsync(dealId!.Value, ct))
            {
                await stderr.WriteLineAsync($"jiedan gate: --deal: deal {dealId} not found");
                return ExitCodes.BadInput;
            }
            var promised = scope is null ? null
                : await scope.ServiceProvider.GetRequiredService<PromisedRoutes>().ForDealAsync(dealId!.Value, ct);
            GateOutcome outcome;
            GateReportFiles.Rendered rendered;
            try
            {
                outcome = await GateRun.ExecuteAsync(new GateRun.Options(project)
                {
                    PolicyFile = parse.GetValue(policy),
                    RunTools = parse.GetValue(run),
                    WorkDir = Path.Combine(output, "evidence"),
                    PromisedRoutes = promised,
                }, clock ?? TimeProvider.System, ct);
                rendered = GateReportFiles.Render(outcome, parse.GetValue(lang)!);
            }
            catch (GateInputException e)
            {
                await stderr.WriteLineAsync($"jiedan gate: {e.Message}");
                await stderr.WriteLineAsync("jiedan gate: unreadable evidence; the gate does not pass.");
                return ExitCodes.BadInput;
            }
            GateReportFiles.Write(rendered, output);
            GateRunRecord? stored = null;
            if (store is not null) stored = await store.AddAsync(GateRunRecords.From(outcome, rendered, dealId!.Value), ct);
            if (parse.GetValue(json)) await stdout.WriteLineAsync(rendered.Json);
            else
            {
                await PrintAsync(stdout, outcome, output);
                if (stored is not null) await stdout.WriteLineAsync($"  stored as gate run #{stored.Id} on deal {stored.DealId}");
            }
            return outcome.Checklist.Passed ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }

    private static async Task PrintAsync(TextWriter w, GateOutcome o, string output)
    {
        await w.WriteLineAsync($"Delivery gate 交付验收: {(o.Checklist.Passed ? "PASSED 通过" : "FAILED 未通过")}");
        var rows = o.Checklist.Checks.Select(c => (Status: Label(c.Status), c.Id, c.Measured, c.Threshold)).ToList();
        int w1 = rows.Max(r => r.Status.Length), w2 = rows.Max(r => r.Id.Length), w3 = rows.Max(r => r.Measured.Length);
        foreach (var r in rows)
            await w.WriteLineAsync($"  {r.Status.PadRight(w1)}  {r.Id.PadRight(w2)}  {r.Measured.PadRight(w3)}  {r.Threshold}");
        foreach (var c in o.Checklist.Checks.Where(c => c.Blocks))
            foreach (var d in c.Details.Take(5))
                await w.WriteLineAsync($"    {c.Id}: {d}");
        // Go coverage has two totals (go tool cover -func's and all statements'); show both even when the check passes.
        if (o.Evidence.Coverage is { Format: "go" } && o.Checklist.Checks.FirstOrDefault(c => c.Id == GateEvaluator.CoverageId) is
            { Blocks: false } coverage)
            foreach (var d in coverage.Details.Take(2))
                await w.WriteLineAsync($"    {coverage.Id}: {d}");
        foreach (var note in o.Notes) await w.WriteLineAsync($"  note: {note}");
        await w.WriteLineAsync($"  evidence sha256 {o.EvidenceSha256} ({o.Files.Count.ToString(CultureInfo.InvariantCulture)} files)");
        await w.WriteLineAsync($"  reports in {output}");
    }

    private static string Label(GateStatus s) => s switch
    {
        GateStatus.Pass => "pass",
        GateStatus.Fail => "FAIL",
        GateStatus.Missing => "MISSING",
        _ => "skip",
    };
}
