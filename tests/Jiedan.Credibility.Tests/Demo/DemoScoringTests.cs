using Jiedan.Domain.Credibility;
using Jiedan.Domain.Credibility.Demo;

namespace Jiedan.Credibility.Tests.Demo;

/// <summary>Demo scoring on hand-labelled measurements: which checks pass, the score, the evidence's figures.</summary>
public sealed class DemoScoringTests
{
    private static DemoMeasurement Measured(double? fcp = 900, double? load = 1500, int? health = 200, int console = 0, int page = 0,
        IReadOnlyList<string>? messages = null) => new()
    {
        Url = "https://demo.example/", Reachable = true, Status = 200, Health = new HealthResult(health, health is null ? "timeout" : null),
        FirstContentfulPaintMs = fcp, LoadMs = load, ConsoleErrors = console, PageErrors = page, ErrorMessages = messages ?? [],
    };

    private static AssetScore Score(DemoMeasurement m, bool chinese = false) => DemoScoring.Score(m, DemoThresholds.Default, chinese);

    private static string[] Passing(AssetScore s) => [.. s.Checks.Where(c => c.Passed).Select(c => c.Id)];

    [Fact]
    public void The_five_checks_come_in_a_fixed_order_with_weights_summing_to_one()
    {
        var score = Score(Measured());
        Assert.Equal(["reachable", "health", "first-contentful-paint", "load", "console-errors"], score.Checks.Select(c => c.Id));
        Assert.Equal(1.0, score.Checks.Sum(c => c.Weight), 9);
        Assert.Equal(100, score.Score);
        Assert.All(score.Checks, c => Assert.Equal("", c.Fix));
    }

    // Hand-labelled: (fcp, load, health, console, page) → passing checks and score.
    [Theory]
    [InlineData(1800.0, 3000.0, 200, 0, 0, 100)]          // both figures exactly at "good": pass
    [InlineData(1800.1, 3000.0, 200, 0, 0, 75)]           // FCP just moderate: -25
    [InlineData(3500.0, 5000.0, 200, 0, 0, 55)]           // FCP poor and slow load: -25 -20
    [InlineData(900.0, 1200.0, 404, 0, 0, 85)]            // no /health: -15
    [InlineData(900.0, 1200.0, 200, 2, 0, 90)]            // console errors: -10
    [InlineData(900.0, 1200.0, 200, 0, 1, 90)]            // a page error alone fails the same check
    [InlineData(2500.0, 3200.0, 500, 1, 1, 30)]           // only reachable passes
    public void Figures_to_score(double fcp, double load, int health, int console, int page, int expected)
    {
        Assert.Equal(expected, Score(Measured(fcp, load, health, console, page)).Score);
    }

    [Theory]
    [InlineData(1200.0, "good")]
    [InlineData(2400.0, "moderate")]
    [InlineData(3000.0, "moderate")]
    [InlineData(3000.5, "poor")]
    public void The_paint_evidence_names_lighthouses_band(double fcp, string band)
    {
        var check = Score(Measured(fcp: fcp)).Checks.Single(c => c.Id == "first-contentful-paint");
        Assert.Contains($"({band}; Lighthouse: good ≤ 1.80 s, poor > 3.00 s)", check.Evidence);
        Assert.Equal(band == "good", check.Passed);
    }

    [Fact]
    public void Missing_figures_fail_their_checks_with_the_reason()
    {
        var score = Score(Measured(fcp: null, load: null));
        Assert.Equal(["reachable", "health", "console-errors"], Passing(score));
        Assert.Contains("load event did not fire", score.Checks.Single(c => c.Id == "load").Evidence);
        Assert.Contains("no first contentful paint", score.Checks.Single(c => c.Id == "first-contentful-paint").Evidence);
    }

    [Fact]
    public void An_unreachable_demo_fails_every_check_with_its_reason_and_scores_zero()
    {
        var score = Score(DemoMeasurement.Unreachable("http://demo.example/", "net::ERR_NAME_NOT_RESOLVED"));
        Assert.Equal(0, score.Score);
        Assert.Empty(Passing(score));
        Assert.Equal("http://demo.example/: net::ERR_NAME_NOT_RESOLVED", score.Checks[0].Evidence);
        Assert.All(score.Checks.Skip(1), c => Assert.Contains("net::ERR_NAME_NOT_RESOLVED", c.Evidence));
        Assert.All(score.Checks, c => Assert.NotEmpty(c.Fix));
        Assert.Equal(30, score.PointsOf(score.Checks[0]), 9);
    }

    [Fact]
    public void Error_messages_in_the_evidence_are_at_most_three_one_line_and_shortened()
    {
        var messages = new[] { "first\nline", new string('y', 500), "third", "fourth" };
        var check = Score(Measured(console: 4, messages: messages)).Checks.Single(c => c.Id == "console-errors");
        Assert.Contains("\"first line\"", check.Evidence);
        Assert.Contains(new string('y', DemoMeasurement.MaxMessageLength) + "…", check.Evidence);
        Assert.DoesNotContain(new string('y', DemoMeasurement.MaxMessageLength + 1), check.Evidence);
        Assert.DoesNotContain("fourth", check.Evidence);
        Assert.DoesNotContain('\n', check.Evidence);
    }

    [Fact]
    public void Chinese_evidence_and_fixes()
    {
        var score = Score(Measured(fcp: 2400, load: 4000, console: 1), chinese: true);
        Assert.Contains("首次内容绘制 2.40 s（一般", score.Checks.Single(c => c.Id == "first-contentful-paint").Evidence);
        Assert.Contains("完整加载 4.00 s", score.Checks.Single(c => c.Id == "load").Evidence);
        Assert.Contains("控制台错误 1 个", score.Checks.Single(c => c.Id == "console-errors").Evidence);
        Assert.Contains("浏览器控制台", score.Checks.Single(c => c.Id == "console-errors").Fix);
    }
}
