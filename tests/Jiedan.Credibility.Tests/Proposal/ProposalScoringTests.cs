using Jiedan.Domain.Contract;
using Jiedan.Domain.Credibility;
using Jiedan.Domain.Credibility.Proposal;
using Jiedan.Domain.Quote.Spec;

namespace Jiedan.Credibility.Tests.Proposal;

/// <summary>Proposal scoring on hand-labelled facts, and the acceptance criteria counted by hand.</summary>
public sealed class ProposalScoringTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private const string Diagram = "flowchart LR\n  web[Web] --> api[API]\n  api --> db[(PostgreSQL)]";

    private static readonly ProposalTerms Full = new(Diagram, "weekdays 09:00-18:00 UTC+8, first reply within 4 h",
        [new Milestone("Prototype", new DateOnly(2027, 1, 15), 3000m), new Milestone("Delivery", null, 7000m)]);

    private static QuoteFacts Quote(ProposalTerms? terms = null, DateOnly? validUntil = null) =>
        new(7, validUntil ?? Today.AddDays(20), 99.95m, 150m, terms ?? Full);

    private static RequirementFacts Requirement(params int[] criteria) =>
        new(3, [.. criteria.Select((c, i) => new EntityCriteria($"Entity{i + 1}", c))]);

    private static AssetScore Score(QuoteFacts? quote, RequirementFacts? requirement, bool chinese = false) =>
        ProposalScoring.Score(new ProposalFacts(42, quote, requirement), Today, chinese);

    private static CredibilityCheck Check(AssetScore s, string id) => Assert.Single(s.Checks, c => c.Id == id);

    [Fact]
    public void A_complete_proposal_scores_100_with_evidence_for_each_element()
    {
        var score = Score(Quote(), Requirement(4, 2));

        Assert.Equal(["architecture", "sla", "milestones", "acceptance-criteria", "validity"], score.Checks.Select(c => c.Id));
        Assert.Equal(1.0, score.Checks.Sum(c => c.Weight), 9);
        Assert.Equal(100, score.Score);
        Assert.Equal("quote 7: Mermaid flowchart diagram, 3 lines", Check(score, "architecture").Evidence);
        Assert.Equal("quote 7: availability 99.95 %, response time P99 150 ms, support weekdays 09:00-18:00 UTC+8, first reply within 4 h",
            Check(score, "sla").Evidence);
        Assert.Equal("quote 7: 2 milestone(s): Prototype 2027-01-15 3000; Delivery 7000", Check(score, "milestones").Evidence);
        Assert.Equal("requirement v3: 6 acceptance criteria; 2 of 2 entities covered", Check(score, "acceptance-criteria").Evidence);
        Assert.Equal("quote 7: valid until 2026-12-22 (20 day(s) left)", Check(score, "validity").Evidence);
    }

    [Fact]
    public void A_plain_quote_today_has_sla_figures_but_no_support_window_diagram_or_milestones()
    {
        var score = Score(Quote(ProposalTerms.None), null);

        Assert.Equal(15, score.Score); // validity only
        var sla = Check(score, "sla");
        Assert.False(sla.Passed);
        Assert.Contains("availability 99.95 %, response time P99 150 ms; no support window", sla.Evidence);
        Assert.Contains("sla: support:", sla.Fix);
        Assert.Contains("architecture:", Check(score, "architecture").Fix);
        Assert.Contains("milestones:", Check(score, "milestones").Fix);
        Assert.Contains("jiedan contract requirement.yml --out DIR --deal 42", Check(score, "acceptance-criteria").Fix);
    }

    // Hand-labelled: which elements are there → score.
    [Theory]
    [InlineData(true, true, 2, true, 20, 100)]
    [InlineData(false, true, 2, true, 20, 80)]
    [InlineData(true, false, 2, true, 20, 80)]
    [InlineData(true, true, 1, true, 20, 80)]     // one stage is not a plan
    [InlineData(true, true, 2, false, 20, 75)]    // an entity without rules
    [InlineData(true, true, 2, true, 0, 100)]     // valid until today still holds
    [InlineData(true, true, 2, true, -1, 85)]     // expired yesterday
    [InlineData(false, false, 0, false, -3, 0)]
    public void Elements_to_score(bool diagram, bool support, int milestones, bool everyEntityCovered, int daysLeft, int expected)
    {
        var terms = new ProposalTerms(diagram ? Diagram : null, support ? "24/7" : null,
            [.. Enumerable.Range(1, milestones).Select(i => new Milestone($"Stage {i}", Today.AddDays(10 * i), null))]);
        var score = Score(Quote(terms, Today.AddDays(daysLeft)), everyEntityCovered ? Requirement(3, 1) : Requirement(3, 0));
        Assert.Equal(expected, score.Score);
    }

    [Fact]
    public void An_expired_quote_says_since_when_and_how_to_renew()
    {
        var validity = Check(Score(Quote(validUntil: Today.AddDays(-5)), Requirement(1)), "validity");
        Assert.False(validity.Passed);
        Assert.Equal("quote 7: expired on 2026-11-27 (5 day(s) ago)", validity.Evidence);
        Assert.Contains("jiedan quote SPEC.yml --deal 42", validity.Fix);
    }

    [Fact]
    public void A_deal_without_a_quote_fails_the_quote_checks_with_how_to_price_it()
    {
        var score = Score(null, Requirement(2));
        Assert.Equal(25, score.Score);
        Assert.All(score.Checks.Where(c => c.Id != "acceptance-criteria"), c =>
        {
            Assert.Equal("deal 42 has no quote", c.Evidence);
            Assert.Equal("price the deal: jiedan quote SPEC.yml --deal 42", c.Fix);
        });
    }

    [Fact]
    public void Uncovered_entities_are_named_in_the_fix_and_an_unreadable_requirement_says_why()
    {
        var criteria = Check(Score(Quote(), new RequirementFacts(2, [new("Order", 3), new("Note", 0)])), "acceptance-criteria");
        Assert.False(criteria.Passed);
        Assert.Equal("requirement v2: 3 acceptance criteria; 1 of 2 entities covered", criteria.Evidence);
        Assert.Contains("for Note", criteria.Fix);

        var unreadable = Check(Score(Quote(), new RequirementFacts(4, [], "requirement.yml:3:1: too deep")), "acceptance-criteria");
        Assert.False(unreadable.Passed);
        Assert.Equal("requirement v4 no longer reads: requirement.yml:3:1: too deep", unreadable.Evidence);
    }

    [Fact]
    public void Chinese_evidence()
    {
        var score = Score(Quote(ProposalTerms.None, Today.AddDays(-1)), Requirement(2, 0), chinese: true);
        Assert.Equal("报价 7：没有架构图", Check(score, "architecture").Evidence);
        Assert.Contains("没有支持时段", Check(score, "sla").Evidence);
        Assert.Equal("报价 7：已于 2026-12-01 过期（1 天前）", Check(score, "validity").Evidence);
        Assert.Contains("Entity2", Check(score, "acceptance-criteria").Fix);
    }

    [Fact]
    public void Acceptance_criteria_are_counted_rule_by_rule()
    {
        const string yaml = """
            service: blog
            version: 2.1.0
            entities:
              Author:
                fields:
                  handle: { type: string, required: true, min_length: 3, max_length: 20, pattern: "^[a-z0-9_]+$", unique: true }
                  email: { type: string, required: true, format: email, unique: true }
                  bio: { type: string, max_length: 500 }
                operations: [create, get, update]
              Post:
                fields:
                  title: { type: string, required: true, min_length: 1, max_length: 120 }
                  author: { type: ref, entity: Author, required: true }
                  tags: { type: list, of: { type: string, max_length: 30 }, unique: true }
                  published_at: { type: date-time }
                  state: { type: enum, values: [draft, published], required: true }
                operations: [create, get, list]
                actions:
                  publish: { fields: [state, published_at], emits: PostPublished }
              Note:
                fields:
                  text: { type: string }
                operations: [create]
            """;
        var facts = AcceptanceCriteria.Count(5, RequirementReader.Read(yaml, "requirement.yml"));

        // Author: handle 5 (required, min, max, pattern, unique), email 3 (required, format, unique), bio 1 → 9.
        // Post: title 3, author 2 (required, reference), tags 2 (unique list, item max), published_at 0, state 2, publish 1 → 10.
        Assert.Equal([new EntityCriteria("Author", 9), new EntityCriteria("Post", 10), new EntityCriteria("Note", 0)], facts.Entities);
        Assert.Equal(19, facts.Criteria);
        Assert.Equal(2, facts.Covered);
    }
}
