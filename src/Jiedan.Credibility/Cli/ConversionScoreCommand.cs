using System.CommandLine;
using System.Globalization;
using Jiedan.Common.Cli;
using Jiedan.Contract;
using Jiedan.Credibility.Api;
using Jiedan.Credibility.Conversion;
using Jiedan.Credibility.Demo;
using Jiedan.Credibility.Scoring;
using Jiedan.Deals;
using Jiedan.Quote;
using Jiedan.Rates;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Credibility.Cli;

/// <summary>
/// <c>jiedan conversion score --deal ID [--repository host/owner/repo] [--demo URL]</c>: scores the deal's proposal,
/// repository (its latest saved audit) and demo now, and records the estimate. Exit 0 recorded, 2 bad input, 3 database.
/// </summary>
public static class ConversionScoreCommand
{
    private static readonly CliRegistration Uses = Needs.Of(DealsModule.RegisterData, RatesModule.RegisterData,
        QuoteModule.RegisterData, ContractModule.RegisterData, CredibilityModule.RegisterData);

    public static Command Create()
    {
        var deal = new Option<long>("--deal") { Description = "The deal's id", Required = true };
        var repository = new Option<string?>("--repository") { Description = "host/owner/repo of a repository audited with --save" };
        var demo = new Option<string?>("--demo") { Description = "The demo's http(s) address, measured now in headless Chromium" };
        var (db, json, lang) = (CommonOptions.Db(), CommonOptions.Json(), CredibilityProbeCommands.Language());
        var command = new Command("score", "Score a deal's proposal, repository and demo now and record its conversion estimate");
        foreach (var o in new Option[] { deal, repository, demo, lang, db, json }) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            var dealId = parse.GetValue(deal);
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), Uses, ct);
            using var scope = services.CreateScope();
            var request = new DealScoringRequest(parse.GetValue(repository), parse.GetValue(demo));
            var scorer = scope.ServiceProvider.GetRequiredService<DealCredibilityScoring>();
            try
            {
                if (await scorer.ScoreAsync(dealId, request, parse.GetValue(lang) == "zh", ct) is not { } scoring)
                    return output.Fail(string.Create(CultureInfo.InvariantCulture, $"conversion score: --deal: no deal {dealId}"));
                var dto = ScoringDto.From(scoring);
                if (parse.GetValue(json)) return output.WriteJson(dto);
                var service = scope.ServiceProvider.GetRequiredService<ConversionService>();
                var history = (await service.HistoryAsync(dealId, ct) ?? []).Select(ScoringDto.From).ToList();
                ConversionTables.WriteDeal(output, new DealConversionDto(dealId, dto, history,
                    WeightsInForceDto.From(await service.WeightsAsync(ct))));
                return ExitCodes.Ok;
            }
            catch (DemoAddressException e)
            {
                return output.Fail($"conversion score: --demo: {e.Message}");
            }
        });
        return command;
    }
}
