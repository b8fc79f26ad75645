using Jiedan.Domain.Credibility;
using Jiedan.Domain.Credibility.Conversion;

namespace Jiedan.Credibility.Tests.Conversion;

public sealed class ConversionEstimateTests
{
    [Fact]
    public void The_seed_weights_are_the_seeds_and_sum_to_one()
    {
        var seed = ConversionWeights.Seed;
        Assert.Equal((0.28, 0.35, 0.37), (seed.Proposal, seed.Repository, seed.Demo));
        Assert.Null(ConversionWeights.Problem(seed.Proposal, seed.Repository, seed.Demo));
    }

    [Theory]
    [InlineData(-0.1, 0.6, 0.5, "proposal")]
    [InlineData(0.3, double.NaN, 0.7, "repository")]
    [InlineData(0.3, 0.3, double.PositiveInfinity, "demo")]
    [InlineData(0.3, 0.3, 0.3, "weights")]
    [InlineData(0.3, 0.3, 0.400002, "weights")]
    public void Invalid_weights_are_refused_naming_the_field(double p, double r, double d, string field)
    {
        var e = Assert.Throws<ArgumentException>(() => new ConversionWeights(p, r, d));
        Assert.Equal(field, e.ParamName);
    }

    [Fact]
    public void Weights_within_a_millionth_of_one_are_accepted_and_normalise_scales_to_one()
    {
        Assert.Equal(0.4000005, new ConversionWeights(0.3, 0.3, 0.4000005).Demo);
        var w = ConversionWeights.Normalise(2, 0, 6)!;
        Assert.Equal((0.25, 0.0, 0.75), (w.Proposal, w.Repository, w.Demo));
        Assert.Null(ConversionWeights.Normalise(0, 0, 0));
    }

    [Fact]
    public void The_estimate_is_the_weighted_sum_and_fixes_are_ranked_by_expected_gain_then_id()
    {
        // proposal 50: sla (weight 1) fails → 50 points; repository 75: readme (3 of 4) passes, ci (1 of 4) fails → 25 points;
        // demo 0: health (1 of 2) and fcp (1 of 2) fail → 50 points each.
        var proposal = AssetScore.FromChecks([Check("architecture", true, 1), Check("sla", false, 1)]);
        var repository = AssetScore.FromChecks([Check("readme", true, 3), Check("ci", false, 1)]);
        var demo = AssetScore.FromChecks([Check("health", false, 1), Check("fcp", false, 1)]);

        var estimate = ConversionEstimate.Of(ConversionWeights.Seed, proposal, repository, demo);

        // 0.28 × 50 + 0.35 × 75 + 0.37 × 0 = 14 + 26.25 = 40.25
        Assert.Equal(40.25, estimate.Value, 9);
        // gains: demo fcp 0.37 × 50 = 18.5, demo health 18.5 (tie: "fcp" < "health"), proposal sla 0.28 × 50 = 14, ci 0.35 × 25 = 8.75
        Assert.Equal(["demo/fcp", "demo/health", "proposal/sla", "repository/ci"],
            estimate.Recommendations.Select(r => $"{r.Asset}/{r.CheckId}"));
        Assert.Equal([18.5, 18.5, 14, 8.75], estimate.Recommendations.Select(r => Math.Round(r.Gain, 9)));
        Assert.Equal("fix sla", estimate.Recommendations[2].Fix);
    }

    [Fact]
    public void An_asset_with_every_check_passing_adds_no_recommendation()
    {
        var all = AssetScore.FromChecks([Check("a", true, 1)]);
        var estimate = ConversionEstimate.Of(ConversionWeights.Seed, all, all, all);
        Assert.Equal(100, estimate.Value, 9);
        Assert.Empty(estimate.Recommendations);
    }

    private static CredibilityCheck Check(string id, bool passed, double weight) => new(id, passed, $"evidence {id}", $"fix {id}", weight);
}
