using Jiedan.Domain.Quote;
using Jiedan.Domain.Quote.Calibration;

namespace Jiedan.Quote.Cli;

/// <summary>The JSON shape of <c>jiedan quote calibrate --json</c>.</summary>
internal sealed record CalibrationView(
    string Source,
    string Method,
    int Projects,
    IReadOnlyList<int> IncompleteLines,
    long? SavedAs,
    LayerCalibrationView? Size,
    LayerCalibrationView? FunctionPoints,
    LayerCalibrationView? ClassicSize,
    LayerCalibrationView? ClassicFunctionPoints)
{
    public static CalibrationView From(CalibrationResult r, CalibrationResult? baseline, long? savedId) =>
        new(r.Source, r.MethodCode.ToLowerInvariant(), r.ProjectsRead, r.IncompleteLines, savedId,
            LayerCalibrationView.From(r.Size), LayerCalibrationView.From(r.FunctionPoints),
            LayerCalibrationView.From(baseline?.Size), LayerCalibrationView.From(baseline?.FunctionPoints));
}

internal sealed record LayerCalibrationView(
    int Projects,
    double Coefficient,
    double Exponent,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> FactorMultipliers,
    EstimationAccuracy Accuracy,
    EffortInterval Interval,
    string Chosen,
    IReadOnlyDictionary<string, int> ChosenInFolds)
{
    public static LayerCalibrationView? From(LayerCalibration? l) =>
        l is null ? null : new(l.Projects, l.Model.Coefficient, l.Model.Exponent, l.Model.FactorMultipliers, l.Accuracy, l.Interval,
            l.Chosen.Name, l.ChosenInFolds);
}
