namespace Jiedan.Domain.Pipeline;

/// <summary>
/// Summary of durations in whole business days. P90 and the median are nearest-rank (the ⌈p·n⌉-th smallest),
/// so they are always an observed value; the standard deviation is the sample one (n − 1).
/// </summary>
public sealed record DurationStats(long Count, double Mean, double StandardDeviation, int Median, int P90, int Max)
{
    public static DurationStats Empty { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>From a histogram: duration in days → number of observations.</summary>
    public static DurationStats FromHistogram(IReadOnlyDictionary<int, long> histogram)
    {
        var n = histogram.Values.Sum();
        if (n == 0) return Empty;
        double sum = 0, sumSquares = 0;
        foreach (var (days, count) in histogram) { sum += (double)days * count; sumSquares += (double)days * days * count; }
        var mean = sum / n;
        var variance = n > 1 ? Math.Max(0, (sumSquares - n * mean * mean) / (n - 1)) : 0;
        var sorted = histogram.Where(p => p.Value > 0).OrderBy(p => p.Key).ToList();
        return new DurationStats(n, mean, Math.Sqrt(variance), NearestRank(sorted, n, 0.5), NearestRank(sorted, n, 0.9), sorted[^1].Key);
    }

    public static DurationStats FromValues(IEnumerable<int> values) =>
        FromHistogram(values.GroupBy(v => v).ToDictionary(g => g.Key, g => (long)g.Count()));

    private static int NearestRank(List<KeyValuePair<int, long>> sorted, long n, double p)
    {
        var rank = (long)Math.Ceiling(p * n);
        long seen = 0;
        foreach (var (days, count) in sorted)
        {
            seen += count;
            if (seen >= rank) return days;
        }
        return sorted[^1].Key;
    }
}
