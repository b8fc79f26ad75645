namespace Jiedan.Domain.Quote.Calibration;

/// <summary>
/// Conte, Dunsmore and Shen's accuracy measures over magnitudes of relative error MRE = |actual − predicted| / actual:
/// MMRE (mean), MdMRE (median) and PRED(25) (the share of projects with MRE ≤ 0.25).
/// </summary>
public static class AccuracyMetrics
{
    public static EstimationAccuracy Of(IReadOnlyList<(double Actual, double Predicted)> pairs)
    {
        if (pairs.Count == 0) throw new ArgumentException("no projects to measure", nameof(pairs));
        var mre = pairs.Select(p => Math.Abs(p.Actual - p.Predicted) / p.Actual).Order().ToArray();
        var n = mre.Length;
        var median = n % 2 == 1 ? mre[n / 2] : (mre[n / 2 - 1] + mre[n / 2]) / 2;
        return new EstimationAccuracy(n, mre.Average(), median, mre.Count(m => m <= 0.25) / (double)n);
    }
}
