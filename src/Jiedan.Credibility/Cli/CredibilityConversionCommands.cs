using System.CommandLine;
using System.Globalization;
using Jiedan.Common.Cli;
using Jiedan.Credibility.Api;
using Jiedan.Credibility.Conversion;
using Jiedan.Deals;
using Jiedan.Domain.Credibility.Conversion;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Credibility.Cli;

/// <summary>
/// <c>jiedan conversion fit | weights | show</c>: the fit of the weights to closed deals, the weights in force (and
/// adopting others), a deal's estimate. Exit 0 ok, 1 no fit to show or use, 2 bad input, 3 database error.
/// </summary>
public static class CredibilityConversionCommands
{
    private static readonly CliRegistration Uses = Needs.Of(DealsModule.RegisterData, CredibilityModule.RegisterData);
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var conversion = new Command("conversion", "Conversion estimate: fit the weights to won/lost deals, adopt weights, show a deal");
        conversion.Subcommands.Add(Fit());
        conversion.Subcommands.Add(Weights());
        conversion.Subcommands.Add(Show());
        conversion.Subcommands.Add(ConversionScoreCommand.Create());
        return conversion;
    }

    private static Command Fit()
    {
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("fit", $"Logistic fit of won/lost on the three scores (needs {LogisticFit.MinimumDeals} closed deals)");
        command.Options.Add(db);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), Uses, ct);
            using var scope = services.CreateScope();
            var fit = await scope.ServiceProvider.GetRequiredService<ConversionService>().FitAsync(ct);
            var dto = ConversionFitDto.From(fit, scope.ServiceProvider.GetRequiredService<ClosedDeals>().WonStage);
            if (parse.GetValue(json)) output.WriteJson(dto);
            else ConversionTables.WriteFit(output, dto);
            return fit.Model is null ? ExitCodes.CheckFailed : ExitCodes.Ok;
        });
        return command;
    }

    private static Command Weights()
    {
        var set = new Option<string?>("--set") { Description = "Adopt these weights: P,R,D (proposal, repository, demo; sum 1)" };
        var useFitted = new Option<bool>("--use-fitted") { Description = "Fit and adopt the fitted weights" };
        var seed = new Option<bool>("--seed") { Description = "Go back to the seed weights 0.28, 0.35, 0.37" };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("weights", "Show the weights in force beside the seed's, or adopt new ones");
        foreach (var o in new Option[] { set, useFitted, seed, db, json }) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            var (setText, fitted, toSeed) = (parse.GetValue(set), parse.GetValue(useFitted), parse.GetValue(seed));
            if ((setText is null ? 0 : 1) + (fitted ? 1 : 0) + (toSeed ? 1 : 0) > 1)
                return output.Fail("conversion weights: use one of --set, --use-fitted and --seed");
            ConversionWeights? manual = null;
            if (setText is not null && !TryParseWeights(setText, out manual, out var problem))
                return output.Fail($"conversion weights: --set: {problem}");
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), Uses, ct);
            using var scope = services.CreateScope();
            var service = scope.ServiceProvider.GetRequiredService<ConversionService>();
            WeightsInForce inForce;
            if (manual is not null) inForce = await service.UseWeightsAsync(manual, WeightsInForce.ManualSource, ct);
            else if (toSeed) inForce = await service.UseWeightsAsync(ConversionWeights.Seed, WeightsInForce.SeedSource, ct);
            else if (fitted)
            {
                var (adopted, why) = await service.UseFittedAsync(ct);
                if (adopted is null) return output.Fail($"conversion weights: --use-fitted: {why}", ExitCodes.CheckFailed);
                inForce = adopted;
            }
            else inForce = await service.WeightsAsync(ct);
            var dto = WeightsInForceDto.From(inForce);
            if (parse.GetValue(json)) return output.WriteJson(dto);
            ConversionTables.WriteWeights(output, dto);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var deal = new Option<long>("--deal") { Description = "The deal's id", Required = true };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("show", "A deal's conversion estimate, scores, recommendations and history");
        foreach (var o in new Option[] { deal, db, json }) command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var output = CliOutput.From(parse);
            var dealId = parse.GetValue(deal);
            await using var services = await CliServices.OpenAsync(parse.GetValue(db), Uses, ct);
            using var scope = services.CreateScope();
            var service = scope.ServiceProvider.GetRequiredService<ConversionService>();
            if (await service.HistoryAsync(dealId, ct) is not { } history)
                return output.Fail(string.Create(C, $"conversion show: --deal: no deal {dealId}"));
            var scorings = history.Select(ScoringDto.From).ToList();
            var dto = new DealConversionDto(dealId, scorings.FirstOrDefault(), scorings,
                WeightsInForceDto.From(await service.WeightsAsync(ct)));
            if (parse.GetValue(json)) return output.WriteJson(dto);
            ConversionTables.WriteDeal(output, dto);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>"0.3,0.3,0.4": three numbers (invariant culture) that make valid weights.</summary>
    public static bool TryParseWeights(string text, out ConversionWeights? weights, out string? problem)
    {
        weights = null;
        var parts = text.Split(',');
        var values = new double[3];
        if (parts.Length != 3) { problem = "expected three numbers P,R,D, e.g. 0.28,0.35,0.37"; return false; }
        for (var i = 0; i < 3; i++)
        {
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, C, out values[i]))
            {
                problem = $"{ConversionAssets.All[i]} is not a number";
                return false;
            }
        }
        if (ConversionWeights.Problem(values[0], values[1], values[2]) is { } p) { problem = p.Message; return false; }
        weights = new ConversionWeights(values[0], values[1], values[2]);
        problem = null;
        return true;
    }
}
