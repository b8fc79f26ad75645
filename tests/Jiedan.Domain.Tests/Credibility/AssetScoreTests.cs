using Jiedan.Domain.Credibility;

namespace Jiedan.Domain.Tests.Credibility;

public sealed class AssetScoreTests
{
    [Fact]
    public void The_score_is_the_weighted_share_of_passing_checks_and_a_failing_check_is_worth_its_share()
    {
        CredibilityCheck readme = new("readme", true, "README.md", "", 3);
        CredibilityCheck license = new("license", false, "no LICENSE file", "add one", 1);
        var score = AssetScore.FromChecks([readme, license]);

        Assert.Equal(75, score.Score);
        Assert.Equal(25, score.PointsOf(license), 9);
        Assert.Equal(0, score.PointsOf(readme));
    }

    [Fact]
    public void No_weight_at_all_scores_zero() => Assert.Equal(0, AssetScore.FromChecks([]).Score);
}
