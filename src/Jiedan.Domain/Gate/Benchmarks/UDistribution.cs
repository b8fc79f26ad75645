namespace Jiedan.Domain.Gate.Benchmarks;

/// <summary>The exact null distribution of the Mann-Whitney U statistic of the first of two samples.</summary>
internal static class UDistribution
{
    /// <summary>
    /// P(U ≤ u) without ties, by the classic recurrence p(n,m)(u) = [n·p(n−1,m)(u−m) + m·p(n,m−1)(u)] / (n+m), evaluated
    /// in the same floating-point order as benchmath and summed from the nearer tail, so that a p-value lands on the
    /// same double as benchstat's (3 against 3 fully apart gives 0.10000000000000002, not 0.1: "~" at α = 0.1).
    /// </summary>
    public static double CdfWithoutTies(int n1, int n2, double u)
    {
        if (u < 0) return 0;
        var total = n1 * n2;
        if (u >= total) return 1;
        var ui = (int)Math.Floor(u);
        var upperHalf = ui >= (total + 1) / 2;
        if (upperHalf) ui = total - ui - 1;
        var densities = Densities(Math.Min(n1, n2), Math.Max(n1, n2), ui);
        var p = 0.0;
        for (var k = 0; k <= ui; k++) p += densities[k];
        return upperHalf ? 1 - p : p;
    }

    /// <summary>P(U = k) for k ≤ <paramref name="limit"/>; <paramref name="small"/> ≤ <paramref name="large"/> are the sizes.</summary>
    private static double[] Densities(int small, int large, int limit)
    {
        // rows[n] holds p(n, m) for the m being built; row n−1 is already at m, row n still at m−1.
        var rows = new double[small + 1][];
        for (var n = 0; n <= small; n++) rows[n] = new double[limit + 1];
        for (var m = 0; m <= large; m++)
        {
            rows[0][0] = 1;
            for (var n = 1; n <= Math.Min(small, m); n++)
            {
                var fewer = rows[n - 1];
                var previous = n <= m - 1 ? rows[n] : rows[m - 1]; // p(n, n−1) = p(n−1, n) by symmetry
                var top = Math.Min(n * m, limit);
                var row = rows[n];
                for (var k = top; k >= 0; k--)
                {
                    var left = k - m >= 0 ? n * fewer[k - m] : 0.0;
                    var right = m * previous[k];
                    row[k] = (left + right) / (n + m);
                }
            }
        }
        return rows[small];
    }

    /// <summary>
    /// P(U ≤ u) with ties: the share of the C(N, n₁) equally likely ways to give n₁ of the pooled mid-ranks to the first
    /// sample whose U is at most u, counted exactly (≤ 25 values a side keeps every count below 2⁵³).
    /// </summary>
    public static double CdfWithTies(int[] doubledRanks, int n1, double u)
    {
        // U = R − n₁(n₁+1)/2, so 2U ≤ ⌊2u⌋ ⇔ doubled rank sum ≤ ⌊2u⌋ + n₁(n₁+1).
        var limit = (int)Math.Floor(2 * u) + n1 * (n1 + 1);
        var ways = new long[n1 + 1, limit + 1];
        ways[0, 0] = 1;
        foreach (var r in doubledRanks)
            for (var k = n1; k >= 1; k--)
                for (var s = limit; s >= r; s--)
                    ways[k, s] += ways[k - 1, s - r];
        long atMost = 0;
        for (var s = 0; s <= limit; s++) atMost += ways[n1, s];
        return atMost / Choose(doubledRanks.Length, n1);
    }

    private static double Choose(int n, int k)
    {
        var c = 1L;
        for (var i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return c;
    }
}
