using Jiedan.Domain.Gate.Benchmarks;

namespace Jiedan.Domain.Tests.Gate;

public sealed class MannWhitneyUTests
{
    [Fact]
    public void Three_against_three_fully_separated_is_not_significant()
    {
        // Pooled ranks 1..6; the baseline holds ranks {1,2,3}: U = 6 − 3·4/2 = 0. Of the C(6,3) = 20 equally likely
        // rank sets only {1,2,3} gives U ≤ 0, so P(U ≤ 0) = 1/20 and the two-sided p = 2/20 = 0.1 ≥ 0.05: "~".
        var r = MannWhitneyU.Test([10, 11, 12], [20, 21, 22]);
        Assert.Equal(0, r.U);
        Assert.Equal(0.1, r.PValue, 12);
        Assert.True(r.Exact);
    }

    [Fact]
    public void Five_against_five_fully_separated_is_significant()
    {
        // C(10,5) = 252 rank sets, one of them {1..5}: p = 2/252 = 0.0079365… (benchstat prints p=0.008 n=5).
        var r = MannWhitneyU.Test([1.0, 1.1, 1.2, 1.3, 1.4], [2.0, 2.1, 2.2, 2.3, 2.4]);
        Assert.Equal(2.0 / 252, r.PValue, 12);
    }

    [Fact]
    public void Ties_get_mid_ranks_and_an_exact_conditional_p_value()
    {
        // Pooled: 1 2 3 3 4 5 → ranks 1, 2, 3.5, 3.5, 5, 6. Baseline {1,2,3}: R = 6.5, U = 6.5 − 6 = 0.5.
        // Rank sets of size 3 with R ≤ 6.5: {1,2,3.5} twice (either 3.5) → P(U ≤ 0.5) = 2/20; p = 0.2.
        var r = MannWhitneyU.Test([1, 2, 3], [3, 4, 5]);
        Assert.Equal(0.5, r.U);
        Assert.Equal(0.2, r.PValue, 12);
    }

    [Fact]
    public void Interleaved_samples_are_symmetric_with_p_one()
    {
        // Baseline ranks {1,4,5,8} of 1..8: R = 18 = the mean rank sum 4·9/2, U = 8 = n₁n₂/2, the centre: p = 1.
        var r = MannWhitneyU.Test([1, 4, 5, 8], [2, 3, 6, 7]);
        Assert.Equal(8, r.U);
        Assert.Equal(1, r.PValue, 12);
    }

    [Fact]
    public void Thirty_against_thirty_without_ties_stays_exact_because_the_limit_is_per_sample()
    {
        // benchstat's rule: exact while neither sample exceeds 50 values (25 with ties), whatever the total.
        // Fully separated: one of C(60,30) rank sets, p = 2 / C(60,30) ≈ 1.7e-17.
        var a = Enumerable.Range(0, 30).Select(i => (double)i).ToArray();
        var b = Enumerable.Range(100, 30).Select(i => (double)i).ToArray();
        var r = MannWhitneyU.Test(a, b);
        Assert.True(r.Exact);
        Assert.InRange(r.PValue, 1.6e-17, 1.9e-17);
    }

    [Fact]
    public void Ties_beyond_25_values_use_the_normal_approximation()
    {
        // 26 vs 26 fully separated with ties: U = 0, mean 338, T = 13·(2³ − 2)·2 groups → σ² = 676/12 · (53 − 156/2652);
        // z = (−338 + 0.5)/σ, two-sided p = 2Φ(z).
        var a = Enumerable.Range(0, 26).Select(i => (double)(i / 2)).ToArray();
        var b = Enumerable.Range(0, 26).Select(i => (double)(100 + i / 2)).ToArray();
        var r = MannWhitneyU.Test(a, b);
        Assert.False(r.Exact);
        var sigma = Math.Sqrt(676.0 * (53 - 26 * 6.0 / (52.0 * 51)) / 12);
        Assert.Equal(2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, (-338 + 0.5) / sigma), r.PValue, 15);
    }
}
