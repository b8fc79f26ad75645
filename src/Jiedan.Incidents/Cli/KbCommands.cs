using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Jiedan.Common.Cli;
using Jiedan.Domain.Incidents;
using Jiedan.Files;
using Jiedan.Incidents.Services;
using Jiedan.Incidents.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Incidents.Cli;

/// <summary>
/// <c>jiedan kb import PATH</c>, <c>jiedan kb match ALERT.json [--json]</c>, <c>jiedan kb evaluate [--json]</c>,
/// <c>jiedan kb fixed INCIDENT TITLE</c>. Exit 0 ok, 2 bad input (nothing stored), 3 database error.
/// </summary>
public static class KbCommands
{
    private static readonly CliRegistration Uses = Needs.Of(IncidentsModule.RegisterData);

    public static Command Create() => new("kb", "Incident knowledge base: import runbooks, match alerts, measure accuracy")
    {
        Import(), Match(), Evaluate(), Fixed(),
    };

    private static Command Import()
    {
        var path = new Argument<string>("PATH") { Description = "A runbook (.md) or records (.yml) file, or a folder of them" };
        var db = CommonOptions.Db();
        var command = new Command("import", "Import Markdown runbooks and YAML records (runbooks, resolved incidents)") { path, db };
        command.SetAction(async (parse, ct) =>
        {
            KnowledgeImport.Result read;
            try { read = KnowledgeImport.Read(parse.GetValue(path)!); }
            catch (Exception e) when (e is IncidentFormatException or FileRefusedException or IOException)
            {
                return await FailAsync(parse, "import", e.Message);
            }
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), Uses, ct);
            var counts = await services.GetRequiredService<KnowledgeStore>().ImportAsync(read.Entries, read.Incidents, ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"imported {counts.Entries} runbook entries and {counts.Incidents} new past incidents"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Match()
    {
        var file = new Argument<string>("ALERT.json") { Description = "An Alertmanager webhook payload (version 4) saved to a file" };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("match", "Suggest fixes for the alerts of a saved Alertmanager payload (at most three each)")
        {
            file, db, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var name = parse.GetValue(file)!;
            AlertGroup group;
            try { group = AlertmanagerParser.Parse(RegularFile.ReadAllBytes(name, AlertmanagerLimits.MaxBodyBytes)); }
            catch (IncidentFormatException e) { return await FailAsync(parse, "match", $"{name}: {e.Message}"); }
            catch (IOException e) { return await FailAsync(parse, "match", e.Message); }
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), Uses, ct);
            var knowledge = services.GetRequiredService<KnowledgeBase>();
            var matcher = await knowledge.MatcherAsync(ct);
            var results = new List<(Alert Alert, MatchResult Result)>();
            foreach (var a in group.Alerts) results.Add((a, await knowledge.MatchAsync(matcher, AlertQuery.From(a), ct)));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                var document = new
                {
                    alerts = results.Select(r => new
                    {
                        fingerprint = r.Alert.Fingerprint,
                        matches = MatchOutput.Offered(r.Result).Select(m => new { title = m.Title, source = m.Source, score = m.Score,
                            path = m.Path }),
                    }),
                };
                await output.WriteLineAsync(JsonSerializer.Serialize(document, MatchOutput.Json));
                return ExitCodes.Ok;
            }
            foreach (var (alert, result) in results)
            {
                await output.WriteLineAsync($"{alert.Name} ({alert.Fingerprint})");
                var offered = MatchOutput.Offered(result);
                if (offered.Count == 0) await output.WriteLineAsync("  no confident match");
                foreach (var m in offered)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  {m.Score:0.00}  {m.Title}  ({m.Source})  {string.Join(" → ", m.Path)}"));
                    await output.WriteLineAsync($"        evidence: {string.Join("; ", m.Evidence)}");
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Evaluate()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("evaluate",
            "Replay the resolved incidents leave-one-out: top-1 and top-3 hit rates, precision of confident matches") { db, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), Uses, ct);
            var r = await services.GetRequiredService<KnowledgeBase>().EvaluateAsync(ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    incidents = r.Incidents, top1 = Math.Round(r.Top1Rate, 4), top3 = Math.Round(r.Top3Rate, 4), confident = r.Confident,
                    confidentPrecision = Math.Round(r.ConfidentPrecision, 4),
                }, MatchOutput.Json));
                return ExitCodes.Ok;
            }
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"resolved incidents replayed: {r.Incidents}\ntop-1 hit rate: {r.Top1Rate:P1}\ntop-3 hit rate: {r.Top3Rate:P1}\n" +
                $"confident matches: {r.Confident}, precision {r.ConfidentPrecision:P1}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Fixed()
    {
        var incident = new Argument<long>("INCIDENT") { Description = "The incident's id" };
        var title = new Argument<string>("TITLE") { Description = "The title of the runbook entry that fixed it" };
        var db = CommonOptions.Db();
        var command = new Command("fixed", "Record what fixed a resolved incident (strengthens that path)") { incident, title, db };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), Uses, ct);
            if (!await services.GetRequiredService<KnowledgeStore>().RecordFixAsync(parse.GetValue(incident), parse.GetValue(title)!, ct))
                return await FailAsync(parse, "fixed", "no such incident, or no runbook entry with that title");
            await parse.InvocationConfiguration.Output.WriteLineAsync("recorded");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<int> FailAsync(ParseResult parse, string command, string message)
    {
        await parse.InvocationConfiguration.Error.WriteLineAsync($"jiedan kb {command}: {message}");
        return ExitCodes.BadInput;
    }
}
