using Jiedan.Domain.Quote.Spec;

namespace Jiedan.Credibility.Tests.Proposal;

/// <summary>The quote spec's optional proposal terms: read when valid, refused with line, column and field otherwise.</summary>
public sealed class ProposalTermsSpecTests
{
    private const string Base = "platform: upwork\nseniority: mid\nsize: { lines: 100 }\n";

    private static QuoteSpec Parse(string extra, string sla = "sla: { p99_ms: 300, uptime_percent: 99.9 }\n") =>
        QuoteSpecParser.Parse(Base + sla + extra, "spec.yml");

    [Fact]
    public void A_spec_without_terms_has_none() => Assert.True(Parse("").Terms.IsEmpty);

    [Fact]
    public void Terms_are_read()
    {
        var spec = Parse("architecture: \"sequenceDiagram\\n  A->>B: hi\"\nmilestones:\n  - { name: M1, due: 2027-02-01 }\n"
            + "  - { name: M2, amount: 1_500.50 }\n",
            "sla: { p99_ms: 300, uptime_percent: 99.9, support: 7x24 }\n");
        Assert.Equal("7x24", spec.Terms.SupportWindow);
        Assert.StartsWith("sequenceDiagram", spec.Terms.ArchitectureMermaid);
        Assert.Equal([new Milestone("M1", new DateOnly(2027, 2, 1), null), new Milestone("M2", null, 1500.50m)], spec.Terms.Milestones);
    }

    [Theory]
    [InlineData("architecture: just words\n", "spec.yml:5:15: architecture: must be a Mermaid diagram")]
    [InlineData("milestones: { name: M1 }\n", "spec.yml:5:13: milestones: must be a list")]
    [InlineData("milestones:\n  - { name: M1 }\n", "spec.yml:6:5: milestones[0]: a milestone needs a due date, an amount or both")]
    [InlineData("milestones:\n  - { name: M1, due: 15.01.2027 }\n", "milestones[0].due: must be a date, yyyy-mm-dd")]
    [InlineData("milestones:\n  - { name: M1, amount: -3 }\n", "milestones[0].amount: must be above 0")]
    [InlineData("milestones:\n  - { name: M1, amount: 3, when: soon }\n", "milestones[0].when: unknown key 'when'")]
    public void Bad_terms_name_line_column_and_field(string extra, string expected)
    {
        var e = Assert.Throws<QuoteSpecException>(() => Parse(extra));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Too_many_milestones_or_an_overlong_support_window_are_refused()
    {
        var many = "milestones:\n"
            + string.Concat(Enumerable.Range(0, QuoteFieldLimits.Milestones + 1).Select(i => $"  - {{ name: M{i}, amount: 1 }}\n"));
        Assert.Contains("at most 24 milestones", Assert.Throws<QuoteSpecException>(() => Parse(many)).Message);
        var support = $"sla: {{ p99_ms: 300, uptime_percent: 99.9, support: {new string('s', QuoteFieldLimits.SupportWindow + 1)} }}\n";
        Assert.Contains("sla.support: must be at most 300 characters", Assert.Throws<QuoteSpecException>(() => Parse("", support)).Message);
    }
}
