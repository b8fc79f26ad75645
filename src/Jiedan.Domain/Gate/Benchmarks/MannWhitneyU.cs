using MathNet.Numerics.Distributions;

namespace Jiedan.Domain.Gate.Benchmarks;

/// <summary>
/// The two-sided Mann-Whitney U test benchstat uses to decide whether two benchmark samples differ. Ties get mid-ranks.
/// For up to 50 values in all the p-value is exact: the distribution of the rank sum over every way of choosing
/// n₁ of the pooled (mid-)ranks, counted by dynamic programming. Beyond that, the normal approximation with tie and
/// continuity correction.
/// </summary>
public static class MannWhitneyU
{
    public const int ExactLimit = 50;

    public sealed record Result(double U, double PValue, bool Exact);

    public static Result Test(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        int n1 = a.Count, n2 = b.Count, n = n1 + n2;
        if (n1 == 0 || n2 == 0) return new Result(0, 1, true);
        var pooled = a.Select(v => (Value: v, FromA: true)).Concat(b.Select(v => (Value: v, FromA: false))).OrderBy(x => x.Value).ToArray();
        // Doubled mid-ranks keep everything integral: a tie group over positions i..j (1-based) gets rank (i+j)/2.
        var doubledRanks = new int[n];
        var tieTerm = 0.0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && pooled[j + 1].Value == pooled[i].Value) j++;
            for (var k = i; k <= j; k++) doubledRanks[k] = i + 1 + j + 1;
            double t = j - i + 1;
            tieTerm += t * t * t - t;
            i = j + 1;
        }
        var doubledRankSumA = 0;
        for (var k = 0; k < n; k++) if (pooled[k].FromA) doubledRankSumA += doubledRanks[k];
        var u = doubledRankSumA / 2.0 - n1 * (n1 + 1) / 2.0;

        if (n <= ExactLimit) return new Result(u, ExactPValue(doubledRanks, n1, doubledRankSumA), true);

        var mean = n1 * (double)n2 / 2;
        var variance = n1 * (double)n2 / 12 * ((n + 1) - tieTerm / (n * (double)(n - 1)));
        if (variance <= 0) return new Result(u, 1, false);
        var z = (Math.Abs(u - mean) - 0.5) / Math.Sqrt(variance);
        var p = z <= 0 ? 1 : 2 * (1 - Normal.CDF(0, 1, z));
        return new Result(u, Math.Min(1, p), false);
    }

    /// <summary>p = 2 · min(P(R ≤ r), P(R ≥ r)), capped at 1, over all C(n, n₁) equally likely rank subsets.</summary>
    private static double ExactPValue(int[] doubledRanks, int n1, int observed)
    {
        var maxSum = doubledRanks.Sum();
        // ways[k, s]: number of k-element subsets of the ranks seen so far with doubled-rank sum s.
        var ways = new double[n1 + 1, maxSum + 1];
        ways[0, 0] = 1;
        foreach (var r in doubledRanks)
            for (var k = n1; k >= 1; k--)
                for (var s = maxSum; s >= r; s--)
                    ways[k, s] += ways[k - 1, s - r];
        double total = 0, atMost = 0, atLeast = 0;
        for (var s = 0; s <= maxSum; s++)
        {
            var w = ways[n1, s];
            total += w;
            if (s <= observed) atMost += w;
            if (s >= observed) atLeast += w;
        }
        return Math.Min(1, 2 * Math.Min(atMost, atLeast) / total);
    }
}
