using System.Globalization;
using Jiedan.Common.Cli;
using Jiedan.Credibility.Api;
using Spectre.Console;

namespace Jiedan.Credibility.Cli;

/// <summary>The people-facing tables of <c>jiedan conversion</c>.</summary>
internal static class ConversionTables
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void WriteFit(CliOutput output, ConversionFitDto fit)
    {
        output.Out.WriteLine(string.Create(C,
            $"Closed deals with scores: {fit.Deals} ({fit.Won} won, {fit.Lost} lost); won = reached {fit.WonStage} or later."));
        if (fit.Model is not { } m)
        {
            output.Out.WriteLine($"No fit: {fit.Problem}.");
            return;
        }
        var k = m.Coefficients;
        output.Out.WriteLine(string.Create(C, $"logit P(won) = {k.Intercept:0.###} + {k.Proposal:0.###}·proposal + " +
            $"{k.Repository:0.###}·repository + {k.Demo:0.###}·demo (scores / 100; ridge {m.Ridge}; {m.Iterations} iterations" +
            $"{(m.Converged ? "" : ", NOT converged")}){(m.Separated ? "; outcomes perfectly separated: weights uncertain" : "")}."));
        var weights = output.NewTable("Weights", "proposal", "repository", "demo");
        weights.AddRow("seed", F(fit.Seed.Proposal), F(fit.Seed.Repository), F(fit.Seed.Demo));
        if (m.Weights is { } w) weights.AddRow("fitted", F(w.Proposal), F(w.Repository), F(w.Demo));
        else weights.AddRow("fitted", "—", "—", "—");
        output.Console.Write(weights);
        output.Out.WriteLine(string.Create(C, $"Brier: fitted {m.BrierInSample:0.0000} in-sample, {m.BrierCrossValidated:0.0000}" +
            $" {m.Folds}-fold cross-validated; seed estimate/100 {m.BrierSeed:0.0000} (lower is better)."));
        var calibration = output.NewTable("Decile", "Predicted", "Observed", "Deals");
        foreach (var bin in m.Calibration)
            calibration.AddRow(bin.Decile.ToString(C), bin.PredictedMean.ToString("0.000", C), bin.ObservedRate.ToString("0.000", C),
                bin.Count.ToString(C));
        output.Console.Write(calibration);
    }

    public static void WriteWeights(CliOutput output, WeightsInForceDto w)
    {
        var table = output.NewTable("Weights", "proposal", "repository", "demo", "source", "since");
        table.AddRow("in force", F(w.Weights.Proposal), F(w.Weights.Repository), F(w.Weights.Demo), w.Source,
            w.SinceUtc?.ToString("yyyy-MM-dd HH:mm", C) ?? "—");
        table.AddRow("seed", F(w.Seed.Proposal), F(w.Seed.Repository), F(w.Seed.Demo), "seed 2.4", "");
        output.Console.Write(table);
    }

    public static void WriteDeal(CliOutput output, DealConversionDto deal)
    {
        if (deal.Current is not { } s)
        {
            output.Out.WriteLine(string.Create(C, $"Deal {deal.DealId} has no conversion scoring yet."));
            return;
        }
        output.Out.WriteLine(string.Create(C, $"Deal {deal.DealId}: conversion estimate {s.Estimate:0.0} / 100" +
            $" = {F(s.Weights.Proposal)}×{s.Proposal.Score} + {F(s.Weights.Repository)}×{s.Repository.Score}" +
            $" + {F(s.Weights.Demo)}×{s.Demo.Score} ({s.CreatedAtUtc:yyyy-MM-dd HH:mm} UTC)."));
        var table = output.NewTable("#", "Asset", "Check", "Gain", "Fix");
        var rank = 0;
        foreach (var r in s.Recommendations)
            table.AddRow((++rank).ToString(C), r.Asset, CliOutput.Escape(r.CheckId), "+" + r.Gain.ToString("0.0", C),
                CliOutput.Escape(r.Fix));
        if (rank > 0) output.Console.Write(table);
        else output.Out.WriteLine("Every check passes: nothing to recommend.");
        if (deal.History.Count > 1)
            output.Out.WriteLine("History (newest first): " + string.Join(", ", deal.History.Select(h =>
                string.Create(C, $"{h.CreatedAtUtc:yyyy-MM-dd} {h.Estimate:0.0}"))));
    }

    private static string F(double weight) => weight.ToString("0.###", C);
}
