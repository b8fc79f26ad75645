namespace Jiedan.Domain.Quote.Calibration;

/// <summary>
/// Refits a layer's productivity model from history: ln(hours) = b0 + b1·ln(size) + Σ level effects, i.e.
/// hours = e^b0 · size^b1 · Π e^effect. Each categorical factor is dummy-coded against its most frequent level.
/// Accuracy is leave-one-out: every project is predicted by a model fitted without it.
/// </summary>
public static class Calibrator
{
    public static CalibrationResult Calibrate(HistoryData history, RegressionMethod method)
    {
        var size = Layer(history, QuoteLayer.Size, p => p.Lines, method);
        var points = Layer(history, QuoteLayer.FunctionPoints, p => p.FunctionPoints, method);
        if (size is null && points is null)
            throw new ArgumentException($"{history.Source}: no project has both actual hours and a size above 0", nameof(history));
        return new CalibrationResult(history.Source, method, history.Projects.Count, history.IncompleteLines, size, points);
    }

    private static LayerCalibration? Layer(HistoryData history, QuoteLayer layer, Func<HistoryProject, double?> sizeOf,
        RegressionMethod method)
    {
        var projects = history.Projects.Where(p => sizeOf(p) is > 0).ToList();
        if (projects.Count == 0) return null;
        var minimum = 2 + history.FactorNames.Sum(f => projects.Select(p => p.Factors[f]).Distinct().Count() - 1) + 1;
        if (projects.Count < Math.Max(minimum, 5))
            throw new ArgumentException($"{history.Source}: {projects.Count} projects with a {Unit(layer)} " +
                        $"are too few to fit {minimum - 1} coefficients and test them", nameof(history));

        var predictions = new List<LooPrediction>(projects.Count);
        for (var i = 0; i < projects.Count; i++)
        {
            var training = projects.Where((_, j) => j != i).ToList();
            var model = Fit(training, sizeOf, history.FactorNames, method, accuracy: null);
            var held = projects[i];
            predictions.Add(new LooPrediction(held.Line, held.ActualHours, model.Hours(sizeOf(held)!.Value, held.Factors).Hours));
        }
        var accuracy = AccuracyMetrics.Of(predictions.Select(p => (p.Actual, p.Predicted)).ToList());
        var final = Fit(projects, sizeOf, history.FactorNames, method, accuracy);
        return new LayerCalibration(layer, final, projects.Count, history.FactorNames, predictions);
    }

    private static LayerModel Fit(List<HistoryProject> projects, Func<HistoryProject, double?> sizeOf, IReadOnlyList<string> factorNames,
        RegressionMethod method, EstimationAccuracy? accuracy)
    {
        var dummies = new List<(string Factor, string Level)>();
        var references = new Dictionary<string, string>();
        foreach (var factor in factorNames)
        {
            var levels = projects.GroupBy(p => p.Factors[factor], StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
            references[factor] = levels[0];
            dummies.AddRange(levels.Skip(1).Order(StringComparer.Ordinal).Select(l => (factor, l)));
        }
        var x = projects.Select(p => new[] { 1.0, Math.Log(sizeOf(p)!.Value) }
            .Concat(dummies.Select(d => p.Factors[d.Factor] == d.Level ? 1.0 : 0.0)).ToArray()).ToArray();
        var y = projects.Select(p => Math.Log(p.ActualHours)).ToArray();
        var beta = RobustRegression.Fit(x, y, method);

        var multipliers = factorNames.ToDictionary(
            f => f,
            f => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>(StringComparer.Ordinal) { [references[f]] = 1.0 });
        for (var k = 0; k < dummies.Count; k++)
            ((Dictionary<string, double>)multipliers[dummies[k].Factor])[dummies[k].Level] = Math.Exp(beta[2 + k]);
        return new LayerModel(Math.Exp(beta[0]), beta[1], multipliers, accuracy);
    }

    private static string Unit(QuoteLayer layer) => layer == QuoteLayer.Size ? "line count" : "function-point count";
}

public sealed record LooPrediction(int Line, double Actual, double Predicted);

/// <summary>A refitted layer model, the projects it came from and its leave-one-out predictions.</summary>
public sealed record LayerCalibration(QuoteLayer Layer, LayerModel Model, int Projects, IReadOnlyList<string> Factors,
    IReadOnlyList<LooPrediction> Predictions)
{
    public EstimationAccuracy Accuracy => Model.Accuracy!;
}

public sealed record CalibrationResult(
    string Source,
    RegressionMethod Method,
    int ProjectsRead,
    IReadOnlyList<int> IncompleteLines,
    LayerCalibration? Size,
    LayerCalibration? FunctionPoints)
{
    /// <summary>The factors a quote uses after this calibration: refitted layers replace the defaults, the rest stay.</summary>
    public ProductivityFactors ApplyTo(ProductivityFactors current, string source) =>
        current with
        {
            Size = Size?.Model ?? current.Size,
            FunctionPoints = FunctionPoints?.Model ?? current.FunctionPoints,
            Source = source,
        };
}
