using MathNet.Numerics;

namespace Jiedan.Domain.Gate.Benchmarks;

/// <summary>
/// The two-sided Mann-Whitney U test as golang.org/x/perf's benchmath (benchstat) runs it. Ties get mid-ranks.
/// The p-value is exact when neither sample has more than 50 values and the pooled values have no ties, or neither
/// has more than 25 when they do; otherwise the normal approximation with tie-corrected variance and a continuity
/// correction of ½ towards the mean. The rule is per sample, not on the total: 40 + 40 values without ties are exact.
/// Samples that cannot be ranked apart (one empty, or every value equal) give p = 1, as benchstat reports them.
/// </summary>
public static class MannWhitneyU
{
    public const int ExactLimit = 50;
    public const int ExactLimitWithTies = 25;

    /// <summary><paramref name="U"/> is the statistic of the first (baseline) sample.</summary>
    public sealed record Result(double U, double PValue, bool Exact);

    public static Result Test(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        int n1 = a.Count, n2 = b.Count;
        if (n1 == 0 || n2 == 0) return new Result(0, 1, true);
        var ranks = PooledRanks.Of(a, b);
        var u1 = ranks.DoubledRankSumOfFirst / 2.0 - n1 * (n1 + 1) / 2.0;
        var u2 = (double)n1 * n2 - u1;
        var exact = ranks.HasTies
            ? n1 <= ExactLimitWithTies && n2 <= ExactLimitWithTies
            : n1 <= ExactLimit && n2 <= ExactLimit;
        if (!exact) return new Result(u1, NormalApproximation(n1, n2, u1, ranks.TieGroupSizes), false);
        if (ranks.TieGroupSizes.Count == 1 || u1 == u2) return new Result(u1, 1, true);
        var smaller = Math.Min(u1, u2);
        var cdf = ranks.HasTies
            ? UDistribution.CdfWithTies(ranks.DoubledRanks, n1, smaller)
            : UDistribution.CdfWithoutTies(n1, n2, smaller);
        return new Result(u1, cdf * 2, true);
    }

    private static double NormalApproximation(int n1, int n2, double u1, IReadOnlyList<int> tieGroupSizes)
    {
        double ties = 0;
        foreach (var t in tieGroupSizes) ties += (double)t * t * t - t;
        var n = (double)(n1 + n2);
        var mean = (double)n1 * n2 / 2;
        var sigma = Math.Sqrt((double)n1 * n2 * ((n + 1) - ties / (n * (n - 1))) / 12);
        if (sigma == 0) return 1;
        var numerator = u1 - mean;
        numerator -= Math.Sign(numerator) * 0.5;
        var z = numerator / sigma;
        var below = StandardNormalCdf(z);
        return 2 * Math.Min(below, 1 - below);
    }

    internal static double StandardNormalCdf(double x) => SpecialFunctions.Erfc(-x / Math.Sqrt(2)) / 2;
}

/// <summary>The pooled, sorted values of two samples with their mid-ranks (doubled, so they stay integers).</summary>
internal sealed record PooledRanks(int[] DoubledRanks, int DoubledRankSumOfFirst, IReadOnlyList<int> TieGroupSizes, bool HasTies)
{
    public static PooledRanks Of(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var pooled = a.Select(v => (Value: v, First: true)).Concat(b.Select(v => (Value: v, First: false)))
            .OrderBy(x => x.Value).ToArray();
        var n = pooled.Length;
        var doubled = new int[n];
        var groups = new List<int>();
        var sumFirst = 0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && pooled[j + 1].Value == pooled[i].Value) j++;
            for (var k = i; k <= j; k++)
            {
                doubled[k] = i + 1 + j + 1;
                if (pooled[k].First) sumFirst += doubled[k];
            }
            groups.Add(j - i + 1);
            i = j + 1;
        }
        return new PooledRanks(doubled, sumFirst, groups, groups.Count < n);
    }
}
