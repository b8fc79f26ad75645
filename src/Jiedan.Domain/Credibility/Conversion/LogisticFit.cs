namespace Jiedan.Domain.Credibility.Conversion;

/// <summary>A closed deal's three scores (0–100) as they stood when it closed, and whether the client said yes.</summary>
public sealed record ClosedDealScores(long DealId, int Proposal, int Repository, int Demo, bool Won);

/// <summary>The fitted model on the 0–1 scale of each score: logit P(won) = intercept + Σ slope × score / 100.</summary>
public sealed record LogisticCoefficients(double Intercept, double Proposal, double Repository, double Demo);

/// <summary>One decile of deals ordered by predicted probability: mean prediction, share actually won, deals in it.</summary>
public sealed record CalibrationBin(int Decile, double PredictedMean, double ObservedRate, int Count);

/// <summary>
/// The fit's figures. <see cref="Weights"/>: the positive parts of the three slopes normalised to sum 1 (an asset whose
/// slope is ≤ 0 did not raise the odds of winning in these deals and gets weight 0); null when no slope is positive.
/// Brier scores: in-sample, 10-fold cross-validated (fold = position mod 10), and the seed weights' estimate / 100 read
/// as a probability on the same deals. <see cref="Separated"/>: the fit classifies every deal correctly, so the data are
/// linearly separable and only the ridge keeps the coefficients finite.
/// </summary>
public sealed record FittedConversion(LogisticCoefficients Coefficients, ConversionWeights? Weights, int Iterations, bool Converged,
    bool Separated, double BrierInSample, double BrierCrossValidated, double BrierSeed, IReadOnlyList<CalibrationBin> Calibration,
    IReadOnlyList<CalibrationBin> SeedCalibration);

/// <summary>The outcome of a fit: <see cref="Model"/> when there were enough deals of both kinds, else <see cref="Problem"/>.</summary>
public sealed record ConversionFit(int Deals, int Won, int Lost, string? Problem, FittedConversion? Model);

/// <summary>
/// Logistic regression of won (1) / lost (0) on the proposal, repository and demo scores (each divided by 100), with an
/// intercept and a ridge of <see cref="Ridge"/> on the slopes (a Gaussian prior of standard deviation 10 per slope: weak
/// against real data, enough to keep separated data finite). Needs <see cref="MinimumDeals"/> closed deals, won and lost.
/// </summary>
public static class LogisticFit
{
    public const int MinimumDeals = 30;
    public const double Ridge = 0.01;
    public const int Folds = 10;

    public static ConversionFit Fit(IReadOnlyList<ClosedDealScores> deals)
    {
        ArgumentNullException.ThrowIfNull(deals);
        var won = deals.Count(d => d.Won);
        var lost = deals.Count - won;
        if (deals.Count < MinimumDeals)
            return new ConversionFit(deals.Count, won, lost, $"not enough deals: {deals.Count} of {MinimumDeals}", null);
        if (won == 0 || lost == 0)
            return new ConversionFit(deals.Count, won, lost,
                $"the {deals.Count} closed deals are all {(won == 0 ? "lost" : "won")}: a fit needs won and lost deals", null);

        var x = deals.Select(Features).ToList();
        var y = deals.Select(d => d.Won).ToList();
        var model = LogisticRegression.Fit(x, y, Ridge);
        var fitted = x.Select(model.Predict).ToList();
        var seed = deals.Select(d => ConversionEstimate.AsProbability(ConversionWeights.Seed, d.Proposal, d.Repository, d.Demo)).ToList();
        var b = model.Coefficients;
        var separated = fitted.Select((p, i) => y[i] ? p > 0.5 : p < 0.5).All(ok => ok);
        return new ConversionFit(deals.Count, won, lost, null, new FittedConversion(
            new LogisticCoefficients(b[0], b[1], b[2], b[3]),
            ConversionWeights.Normalise(Math.Max(0, b[1]), Math.Max(0, b[2]), Math.Max(0, b[3])),
            model.Iterations, model.Converged, separated,
            Brier(fitted, y), Brier(CrossValidated(x, y), y), Brier(seed, y),
            Calibration(fitted, y), Calibration(seed, y)));
    }

    /// <summary>Mean squared difference between the predicted probability and the outcome (1 won, 0 lost).</summary>
    public static double Brier(IReadOnlyList<double> predicted, IReadOnlyList<bool> won)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(won);
        return predicted.Select((p, i) => Math.Pow(p - (won[i] ? 1 : 0), 2)).Average();
    }

    /// <summary>Deals ordered by prediction (ties keep their order), cut into ten groups of equal size (±1).</summary>
    public static IReadOnlyList<CalibrationBin> Calibration(IReadOnlyList<double> predicted, IReadOnlyList<bool> won)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(won);
        var n = predicted.Count;
        return Enumerable.Range(0, n).OrderBy(i => predicted[i]).Select((index, rank) => (index, decile: rank * 10 / n))
            .GroupBy(r => r.decile)
            .Select(g => new CalibrationBin(g.Key + 1, g.Average(r => predicted[r.index]), g.Average(r => won[r.index] ? 1.0 : 0.0),
                g.Count()))
            .ToList();
    }

    private static double[] Features(ClosedDealScores d) => [d.Proposal / 100.0, d.Repository / 100.0, d.Demo / 100.0];

    private static List<double> CrossValidated(List<double[]> x, List<bool> y)
    {
        var predicted = new double[x.Count];
        for (var fold = 0; fold < Folds; fold++)
        {
            var train = Enumerable.Range(0, x.Count).Where(i => i % Folds != fold).ToList();
            var model = LogisticRegression.Fit(train.Select(i => x[i]).ToList(), train.Select(i => y[i]).ToList(), Ridge);
            for (var i = fold; i < x.Count; i += Folds) predicted[i] = model.Predict(x[i]);
        }
        return [.. predicted];
    }
}
