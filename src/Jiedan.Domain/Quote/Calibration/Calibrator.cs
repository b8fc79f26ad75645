namespace Jiedan.Domain.Quote.Calibration;

/// <summary>
/// Refits a layer's productivity model from history: ln(hours) = b0 + b1·ln(size) + Σ factor terms, i.e.
/// hours = e^b0 · size^b1 · Π multiplier. The procedure — choose among the candidate models by cross-validation on the
/// training projects, refit the chosen one on all of them, and take its out-of-fold residuals as the conformal scores
/// of the interval — is evaluated leave-one-out: every project is predicted, and its interval checked, by a run of the
/// whole procedure that never saw it. The saved model is the same procedure run on every project.
/// </summary>
public static class Calibrator
{
    public static CalibrationResult Calibrate(HistoryData history, RegressionMethod method) =>
        Calibrate(history, CalibrationOptions.Fixed(method));

    public static CalibrationResult Calibrate(HistoryData history, CalibrationOptions options)
    {
        var size = Layer(history, QuoteLayer.Size, p => p.Lines, options);
        var points = Layer(history, QuoteLayer.FunctionPoints, p => p.FunctionPoints, options);
        if (size is null && points is null)
            throw new ArgumentException($"{history.Source}: no project has both actual hours and a size above 0", nameof(history));
        return new CalibrationResult(history.Source, options, history.Projects.Count, history.IncompleteLines, size, points);
    }

    private static LayerCalibration? Layer(HistoryData history, QuoteLayer layer, Func<HistoryProject, double?> sizeOf,
        CalibrationOptions options)
    {
        var projects = history.Projects.Where(p => sizeOf(p) is > 0).ToList();
        if (projects.Count == 0) return null;
        var minimum = 2 + history.FactorNames.Sum(f => Terms(projects, f, history.NumericOrdinalFactors)) + 1;
        if (projects.Count < Math.Max(minimum, 5))
            throw new ArgumentException($"{history.Source}: {projects.Count} projects with a {Unit(layer)} " +
                        $"are too few to fit {minimum - 1} coefficients and test them", nameof(history));

        double Size(HistoryProject p) => sizeOf(p)!.Value;
        var candidates = options.Candidates(history.FactorNames, history.NumericOrdinalFactors);
        var predictions = new List<LooPrediction>(projects.Count);
        var chosenInFolds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < projects.Count; i++)
        {
            var training = projects.Where((_, j) => j != i).ToList();
            var choice = Choose(training, candidates, Size, options);
            var held = projects[i];
            var predicted = choice.Model.Hours(Size(held), held.Factors).Hours;
            var (low, high) = (predicted * Math.Exp(choice.LowLog), predicted * Math.Exp(choice.HighLog));
            predictions.Add(new LooPrediction(held.Line, held.ActualHours, predicted, low, high));
            chosenInFolds[choice.Spec.Name] = chosenInFolds.GetValueOrDefault(choice.Spec.Name) + 1;
        }
        var accuracy = AccuracyMetrics.Of(predictions.Select(p => (p.Actual, p.Predicted)).ToList());
        var coverage = predictions.Count(p => p.Covered) / (double)predictions.Count;
        var final = Choose(projects, candidates, Size, options);
        var interval = new EffortInterval(options.Nominal, Math.Exp(final.LowLog), Math.Exp(final.HighLog), coverage, projects.Count);
        var model = final.Model with { Accuracy = accuracy, Interval = interval };
        return new LayerCalibration(layer, model, projects.Count, history.FactorNames, predictions, final.Spec, chosenInFolds);
    }

    private sealed record Choice(EffortModelSpec Spec, LayerModel Model, double LowLog, double HighLog);

    /// <summary>The candidate whose out-of-fold predictions on <paramref name="training"/> are best, refitted on all of it.</summary>
    private static Choice Choose(List<HistoryProject> training, IReadOnlyList<EffortModelSpec> candidates,
        Func<HistoryProject, double> sizeOf, CalibrationOptions options)
    {
        (EffortModelSpec Spec, double[] Residuals)? best = null;
        var bestScore = double.PositiveInfinity;
        foreach (var candidate in candidates)
        {
            var residuals = OutOfFoldLogResiduals(training, candidate, sizeOf, options.InnerFolds);
            if (residuals is null) continue;
            var score = options.Criterion == SelectionCriterion.Mmre
                ? residuals.Average(r => Math.Abs(1 - Math.Exp(-r)))
                : residuals.Average(Math.Abs);
            if (score < bestScore) (best, bestScore) = ((candidate, residuals), score);
        }
        if (best is not { } chosen) throw new CollinearPredictorsException();
        var (lowLog, highLog) = ConformalInterval.Of(chosen.Residuals, options.Nominal);
        return new Choice(chosen.Spec, chosen.Spec.Fit(training, sizeOf), lowLog, highLog);
    }

    /// <summary>ln(actual) − ln(predicted) of every project, each from a fit without its fold; null if a fit is singular.</summary>
    private static double[]? OutOfFoldLogResiduals(List<HistoryProject> projects, EffortModelSpec candidate,
        Func<HistoryProject, double> sizeOf, int folds)
    {
        var k = Math.Min(folds, projects.Count);
        var residuals = new double[projects.Count];
        for (var fold = 0; fold < k; fold++)
        {
            LayerModel model;
            try { model = candidate.Fit(projects.Where((_, j) => j % k != fold).ToList(), sizeOf); }
            catch (CollinearPredictorsException) { return null; }
            for (var j = fold; j < projects.Count; j += k)
                residuals[j] = Math.Log(projects[j].ActualHours) - Math.Log(model.Hours(sizeOf(projects[j]), projects[j].Factors).Hours);
        }
        return residuals;
    }

    private static int Terms(List<HistoryProject> projects, string factor, IReadOnlyList<string> numericOrdinal)
    {
        var levels = projects.Select(p => p.Factors[factor]).Distinct(StringComparer.Ordinal).ToList();
        var ordinal = FactorCoding.IsOrdinal(levels) || numericOrdinal.Contains(factor, StringComparer.OrdinalIgnoreCase);
        return levels.Count < 2 ? 0 : ordinal ? 1 : levels.Count - 1;
    }

    private static string Unit(QuoteLayer layer) => layer == QuoteLayer.Size ? "line count" : "function-point count";
}

/// <summary>A held-out project: its actual hours, the prediction and interval of a fit that never saw it.</summary>
public sealed record LooPrediction(int Line, double Actual, double Predicted, double Low, double High)
{
    public bool Covered => Actual >= Low && Actual <= High;
}

/// <summary>
/// A refitted layer model, the projects it came from, its leave-one-out predictions, the candidate chosen on all
/// projects and how often each candidate was chosen inside the leave-one-out folds.
/// </summary>
public sealed record LayerCalibration(QuoteLayer Layer, LayerModel Model, int Projects, IReadOnlyList<string> Factors,
    IReadOnlyList<LooPrediction> Predictions, EffortModelSpec Chosen, IReadOnlyDictionary<string, int> ChosenInFolds)
{
    public EstimationAccuracy Accuracy => Model.Accuracy!;

    public EffortInterval Interval => Model.Interval!;
}

public sealed record CalibrationResult(
    string Source,
    CalibrationOptions Options,
    int ProjectsRead,
    IReadOnlyList<int> IncompleteLines,
    LayerCalibration? Size,
    LayerCalibration? FunctionPoints)
{
    private bool IsFixed => Options.Methods.Count == 1 && !Options.SelectFactors;

    /// <summary>"LAD", "OLS", or "AUTO" when the calibration chose between models (at most 10 characters, as stored).</summary>
    public string MethodCode => IsFixed ? Options.Methods[0].ToString().ToUpperInvariant() : "AUTO";

    /// <summary>"LAD", "OLS", or what was chosen between, e.g. "LAD or OLS, factors chosen (nested)".</summary>
    public string MethodName => IsFixed
        ? MethodCode
        : string.Join(" or ", Options.Methods.Select(m => m.ToString().ToUpperInvariant())) +
          (Options.SelectFactors ? ", factors chosen" : "") + " (nested)";

    /// <summary>The factors a quote uses after this calibration: refitted layers replace the defaults, the rest stay.</summary>
    public ProductivityFactors ApplyTo(ProductivityFactors current, string source) =>
        current with
        {
            Size = Size?.Model ?? current.Size,
            FunctionPoints = FunctionPoints?.Model ?? current.FunctionPoints,
            Source = source,
        };
}
