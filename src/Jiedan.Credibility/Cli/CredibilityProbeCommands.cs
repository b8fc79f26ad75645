using System.CommandLine;
using System.Globalization;
using Jiedan.Common.Cli;
using Jiedan.Contract;
using Jiedan.Credibility.Demo;
using Jiedan.Credibility.Proposal;
using Jiedan.Deals;
using Jiedan.Domain.Credibility;
using Jiedan.Domain.Credibility.Demo;
using Jiedan.Quote;
using Jiedan.Rates;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Jiedan.Credibility.Cli;

/// <summary>
/// <c>jiedan credibility demo URL</c> and <c>jiedan credibility proposal --deal ID</c>: the asset's score with each check's
/// evidence and fix. Exit 0 when it ran (whatever the score), 1 when Chromium is missing, 2 on bad input (a URL that is not
/// http(s) or is refused, an unknown deal), 3 on database errors.
/// </summary>
public static class CredibilityProbeCommands
{
    private static readonly CliRegistration ProposalUses = Needs.Of(DealsModule.RegisterData, RatesModule.RegisterData,
        QuoteModule.RegisterData, ContractModule.RegisterData, CredibilityModule.RegisterProbes);

    public static Command Create()
    {
        var command = new Command("credibility", "Score a proposal or a demo: each check with its evidence, fix and weight");
        command.Subcommands.Add(Demo());
        command.Subcommands.Add(ProposalCommand());
        return command;
    }

    public static Option<string> Language()
    {
        var lang = new Option<string>("--lang")
        {
            Description = "Language of evidence and fixes: en or zh", DefaultValueFactory = _ => "en",
        };
        lang.AcceptOnlyFromAmong("en", "zh");
        return lang;
    }

    private static Command Demo()
    {
        var url = new Argument<string>("URL") { Description = "the demo's http(s) URL" };
        var json = CommonOptions.Json();
        var lang = Language();
        var command = new Command("demo",
            "Measure a demo in headless Chromium: reachable, /health, first contentful paint, full load, console errors")
        {
            url, json, lang,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            var settings = DemoProbeSettings.From(CliServices.Configuration());
            var chinese = parse.GetValue(lang) == "zh";
            DemoMeasurement measured;
            try { measured = await new DemoProbe(settings).MeasureAsync(parse.GetValue(url)!, ct); }
            catch (DemoAddressException e) { return output.Fail($"credibility demo: URL {e.Message}"); }
            catch (DemoProbeUnavailableException e) { return output.Fail($"credibility demo: {e.Message}", ExitCodes.CheckFailed); }
            return Write(output, DemoScoring.Score(measured, DemoThresholds.Default, chinese), parse.GetValue(json), measured.Url);
        });
        return command;
    }

    private static Command ProposalCommand()
    {
        var deal = new Option<long>("--deal") { Description = "the deal whose newest quote and requirement are scored", Required = true };
        var json = CommonOptions.Json();
        var lang = Language();
        var db = CommonOptions.Db();
        var command = new Command("proposal",
            "Score a deal's proposal: architecture diagram, SLA terms, milestones, acceptance criteria, validity")
        {
            deal, json, lang, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            var id = parse.GetValue(deal);
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), ProposalUses, ct);
            await using var scope = services.CreateAsyncScope();
            var scores = scope.ServiceProvider.GetRequiredService<ProposalScores>();
            var score = await scores.ScoreAsync(id, parse.GetValue(lang) == "zh", ct);
            if (score is null)
                return output.Fail(string.Create(CultureInfo.InvariantCulture, $"credibility proposal: --deal: no deal {id}"));
            return Write(output, score, parse.GetValue(json), string.Create(CultureInfo.InvariantCulture, $"deal {id} proposal"));
        });
        return command;
    }

    private static int Write(CliOutput output, AssetScore score, bool asJson, string title)
    {
        if (asJson) return output.WriteJson(score);
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{title}: score {score.Score}/100"));
        var table = output.NewTable("check", "passed", "weight", "evidence", "fix");
        foreach (var c in score.Checks)
            table.AddRow(CliOutput.Escape(c.Id), c.Passed ? "yes" : "NO", c.Weight.ToString("0.00", CultureInfo.InvariantCulture),
                CliOutput.Escape(c.Evidence), CliOutput.Escape(c.Fix));
        output.Console.Write(table);
        return ExitCodes.Ok;
    }
}
