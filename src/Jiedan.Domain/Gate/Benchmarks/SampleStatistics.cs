namespace Jiedan.Domain.Gate.Benchmarks;

/// <summary>
/// Median and its distribution-free confidence interval, as benchstat summarises a benchmark. <see cref="Low"/> and
/// <see cref="High"/> are sample values, or −∞/+∞ when the sample is too small for the confidence level.
/// </summary>
public sealed record SampleSummary(double Median, double Low, double High, int Count)
{
    public bool Bounded => !double.IsInfinity(Low) && !double.IsInfinity(High);

    /// <summary>
    /// benchstat's "± x%": the larger distance of a bound from the median in whole percent; "∞" for an unbounded
    /// interval, "?" when a bound's sign differs from the median's, "0%" for an all-zero sample.
    /// </summary>
    public string RangeDisplay
    {
        get
        {
            if (!Bounded) return "∞";
            if (Math.Sign(Median) != Math.Sign(Low) || Math.Sign(Median) != Math.Sign(High)) return "?";
            if (Median == 0) return "0%";
            return GoFixedFormat.Format(100 * Math.Max(High / Median - 1, 1 - Low / Median), 0) + "%";
        }
    }
}

public static class SampleStatistics
{
    /// <summary>The median by Hyndman and Fan's definition 8, the quantile estimator benchstat uses.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var position = 1 / 3.0 + 0.5 * (sorted.Length + 1 / 3.0);
        var k = (int)Math.Truncate(position);
        var fraction = position - Math.Truncate(position);
        if (k <= 0) return sorted[0];
        if (k >= sorted.Length) return sorted[^1];
        return sorted[k - 1] + fraction * (sorted[k] - sorted[k - 1]);
    }

    public static SampleSummary Summarize(IReadOnlyList<double> values, double confidence = 0.95)
    {
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        var interval = MedianInterval.For(n, confidence);
        var low = interval.LowOrder < 1 ? double.NegativeInfinity : sorted[interval.LowOrder - 1];
        var high = interval.HighOrder - 1 >= n ? double.PositiveInfinity : sorted[interval.HighOrder - 1];
        return new SampleSummary(Median(sorted), low, high, n);
    }
}
