using MathNet.Numerics.Distributions;

namespace Jiedan.Domain.Gate.Benchmarks;

/// <summary>Median and its distribution-free confidence interval, as benchstat summarises a benchmark.</summary>
public sealed record SampleSummary(double Median, double? Low, double? High, int Count)
{
    /// <summary>The interval's half-width as a percentage of the median (benchstat's "± x%"); null when too few samples.</summary>
    public double? SpreadPercent => Low is { } lo && High is { } hi && Median != 0
        ? Math.Max(Median - lo, hi - Median) / Math.Abs(Median) * 100
        : null;
}

public static class SampleStatistics
{
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /// <summary>
    /// The confidence interval for the median from order statistics: the number of samples below the true median is
    /// Binomial(n, ½), so [x₍ⱼ₎, x₍ₙ₊₁₋ⱼ₎] covers it with probability 1 − 2·P(B ≤ j−1). The narrowest such interval
    /// with coverage ≥ <paramref name="confidence"/> is used; with fewer than 6 samples no 95% interval exists.
    /// </summary>
    public static SampleSummary Summarize(IReadOnlyList<double> values, double confidence = 0.95)
    {
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        var median = Median(sorted);
        int? best = null;
        for (var j = 1; j <= n / 2; j++)
        {
            var coverage = 1 - 2 * Binomial.CDF(0.5, n, j - 1);
            if (coverage >= confidence) best = j; else break;
        }
        return best is { } b
            ? new SampleSummary(median, sorted[b - 1], sorted[n - b], n)
            : new SampleSummary(median, null, null, n);
    }
}
