using System.Diagnostics;
using Jiedan.Domain.Credibility.Conversion;

namespace Jiedan.Credibility.Tests.Conversion;

public sealed class AssetScoresJsonTests
{
    public const string Valid = """
        {"proposal": {"score": 50, "checks": [{"id": "sla", "passed": false, "evidence": "no SLA section", "fix": "add SLA terms",
          "weight": 1}, {"id": "architecture", "passed": true, "evidence": "diagram", "fix": "", "weight": 1}]},
         "repository": {"score": 80, "checks": []}, "demo": {"score": 60}, "notes": "audit of github.com/acme/orders"}
        """;

    [Fact]
    public void Reads_the_three_assets_and_notes()
    {
        var s = AssetScoresJson.Parse(Valid);
        Assert.Equal((50, 80, 60), (s.Proposal.Score, s.Repository.Score, s.Demo.Score));
        Assert.Equal(["sla", "architecture"], s.Proposal.Checks.Select(c => c.Id));
        Assert.False(s.Proposal.Checks[0].Passed);
        Assert.Equal("audit of github.com/acme/orders", s.Notes);
    }

    [Theory]
    [InlineData("[]", "body")]
    [InlineData("{\"proposal\": {\"score\": 1}, \"repository\": {\"score\": 1}}", "demo")]
    [InlineData("{\"proposal\": {\"score\": 101}, \"repository\": {\"score\": 1}, \"demo\": {\"score\": 1}}", "proposal.score")]
    [InlineData("{\"proposal\": {\"score\": 1.5}, \"repository\": {\"score\": 1}, \"demo\": {\"score\": 1}}", "proposal.score")]
    [InlineData("{\"proposal\": {\"score\": 1}, \"repository\": {\"score\": \"9\"}, \"demo\": {\"score\": 1}}", "repository.score")]
    [InlineData("{\"proposal\": {\"score\": 1}, \"repository\": {\"score\": 1}, \"demo\": {\"score\": 1, \"checks\": "
        + "[{\"id\": \"a\", \"passed\": true, \"weight\": 1}, {\"id\": \"b\", \"passed\": true, \"weight\": -1}]}}",
        "demo.checks[1].weight")]
    [InlineData("{\"proposal\": {\"score\": 1}, \"repository\": {\"score\": 1}, \"demo\": {\"score\": 1, \"checks\": "
        + "[{\"id\": \"a b\", \"passed\": true, \"weight\": 1}]}}", "demo.checks[0].id")]
    [InlineData("{\"proposal\": {\"score\": 1}, \"repository\": {\"score\": 1}, \"demo\": {\"score\": 1, \"checks\": "
        + "[{\"id\": \"a\", \"passed\": \"yes\", \"weight\": 1}]}}", "demo.checks[0].passed")]
    [InlineData("{\"proposal\": {\"score\": 1, \"scor\": 2}, \"repository\": {\"score\": 1}, \"demo\": {\"score\": 1}}", "proposal")]
    [InlineData("{\"proposal\": {\"score\": 1}, \"repository\": {\"score\": 1}, \"demo\": {\"score\": 1}, \"notes\": 5}", "notes")]
    [InlineData("{\"proposal\": ", "body")]
    public void Bad_input_names_the_field_and_never_quotes_it(string json, string field)
    {
        var e = Assert.Throws<ConversionInputException>(() => AssetScoresJson.Parse(json));
        Assert.Equal(field, e.Field);
        Assert.DoesNotContain("scor\"", e.Message);
    }

    [Fact]
    public void Deep_nesting_and_long_texts_are_refused_quickly()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        var clock = Stopwatch.StartNew();
        Assert.Equal("body", Assert.Throws<ConversionInputException>(() => AssetScoresJson.Parse(deep)).Field);
        var longFix = Valid.Replace("add SLA terms", new string('x', ConversionLimits.Fix + 1), StringComparison.Ordinal);
        Assert.Equal("proposal.checks[0].fix", Assert.Throws<ConversionInputException>(() => AssetScoresJson.Parse(longFix)).Field);
        var many = "{\"proposal\": {\"score\": 1, \"checks\": [" + string.Join(',', Enumerable.Range(0, 65).Select(i =>
            $"{{\"id\": \"c{i}\", \"passed\": true, \"weight\": 1}}")) + "]}, \"repository\": {\"score\": 1}, \"demo\": {\"score\": 1}}";
        Assert.Equal("proposal.checks", Assert.Throws<ConversionInputException>(() => AssetScoresJson.Parse(many)).Field);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }
}
