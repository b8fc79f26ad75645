using Jiedan.Domain.Quote;

namespace Jiedan.Domain.Tests.Quote;

public class SlaAndPremiumTests
{
    [Theory]
    [InlineData(199.9, 99.95, SlaTier.Gold)]      // the seed's gold: P99 < 200 ms and uptime ≥ 99.95 %
    [InlineData(200, 99.99, SlaTier.Silver)]      // 200 ms is not under 200 ms
    [InlineData(150, 99.949, SlaTier.Silver)]     // just short of gold uptime
    [InlineData(499.99, 99.9, SlaTier.Silver)]
    [InlineData(500, 99.9, SlaTier.Bronze)]
    [InlineData(100, 99.89, SlaTier.Bronze)]
    [InlineData(3000, 99.0, SlaTier.Bronze)]
    public void Tier_boundaries(double p99, double uptime, SlaTier expected) =>
        Assert.Equal(expected, SlaTierPolicy.Default.TierOf(new SlaTarget((decimal)p99, (decimal)uptime)));

    [Theory]
    [InlineData(0, 99.9, "p99")]
    [InlineData(-5, 99.9, "p99")]
    [InlineData(700_000, 99.9, "p99")]
    [InlineData(100, 100, "uptime")]
    [InlineData(100, 100.5, "uptime")]
    [InlineData(100, 0, "uptime")]
    public void Absurd_targets_are_refused(double p99, double uptime, string field)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SlaTarget((decimal)p99, (decimal)uptime));
        Assert.StartsWith(field, e.ParamName);
        Assert.Equal(field == "p99" ? "p99_ms" : "uptime_percent", SlaTarget.Validate((decimal)p99, (decimal)uptime)!.Value.Field);
    }

    [Fact]
    public void Premium_is_the_seed_formula()
    {
        // Seed 3.3: gold with 10 % tech debt → 1.15 + 10 × 0.003 = 1.18 ("溢价系数 1.18").
        Assert.Equal(1.18m, RiskPremium.Of(SlaTier.Gold, TechDebtRatio.Given(10m)));
        Assert.Equal(1.08m, RiskPremium.Of(SlaTier.Silver, TechDebtRatio.None));
        // 1.02 + 2.5 × 0.003 = 1.0275
        Assert.Equal(1.0275m, RiskPremium.Of(SlaTier.Bronze, TechDebtRatio.Given(2.5m)));
    }

    [Fact]
    public void Tech_debt_ratio_is_remediation_over_development_minutes()
    {
        // 2 000 lines × 30 min = 60 000 development minutes.
        // Remediation: 4 TODO × 15 + 2 FIXME × 30 + 1 HACK × 60 + 0 XXX + 12 lint findings × 10 = 60 + 60 + 60 + 120 = 300 min.
        // 300 / 60 000 = 0.5 %.
        var markers = new Dictionary<string, int> { ["TODO"] = 4, ["FIXME"] = 2, ["HACK"] = 1, ["XXX"] = 0 };
        var ratio = TechDebtRatio.Measure(new TechDebtMeasurement(2000, markers, 12));

        Assert.Equal(0.5m, ratio.Percent);
        Assert.Equal(300m, ratio.Measurement!.RemediationMinutes);
    }

    [Fact]
    public void Markers_are_whole_upper_case_words()
    {
        var text = """
            // TODO: retry
            // FIXME(bob) and TODO again
            x := "TODOS" // todo lower case is not a marker; XXXL is not XXX
            /* HACK */ // XXX
            """;
        var counts = TechDebtMarkers.Count(new StringReader(text));

        Assert.Equal(2, counts["TODO"]);
        Assert.Equal(1, counts["FIXME"]);
        Assert.Equal(1, counts["HACK"]);
        Assert.Equal(2, counts["XXX"]); // "… is not XXX" and "// XXX"
    }

    [Fact]
    public void Golangci_lint_json_findings_are_read()
    {
        var json = """
            {"Issues":[{"FromLinter":"errcheck","Text":"Error return value is not checked","Pos":{"Filename":"main.go","Line":12}},
            {"FromLinter":"gosimple","Text":"S1000","Pos":{"Filename":"a.go","Line":3}}],"Report":{}}
            """;
        var findings = GolangciLintReport.Parse(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Equal(2, findings.Count);
        Assert.Equal(new LintFinding("errcheck", "Error return value is not checked", "main.go", 12), findings[0]);
        Assert.Throws<FormatException>(() => GolangciLintReport.Parse(new MemoryStream("{\"Issues\": 3}"u8.ToArray())));
    }
}
