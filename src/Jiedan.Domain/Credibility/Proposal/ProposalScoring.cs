namespace Jiedan.Domain.Credibility.Proposal;

/// <summary>
/// The proposal's score from a deal's facts: checks <c>architecture</c>, <c>sla</c>, <c>milestones</c>,
/// <c>acceptance-criteria</c> and <c>validity</c>. Weights (sum 1): acceptance criteria 0.25 (what the client signs off
/// against), architecture, SLA and milestones 0.20 each, validity 0.15. <paramref name="today"/> is the scoring day (UTC):
/// a quote valid until today still passes.
/// </summary>
public static class ProposalScoring
{
    public const double ArchitectureWeight = 0.20;
    public const double SlaWeight = 0.20;
    public const double MilestonesWeight = 0.20;
    public const double AcceptanceCriteriaWeight = 0.25;
    public const double ValidityWeight = 0.15;

    /// <summary>Fewer stages than this is one delivery, not a plan a client can follow.</summary>
    public const int MinMilestones = 2;

    public static AssetScore Score(ProposalFacts facts, DateOnly today, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var t = new ProposalTexts(chinese, facts.DealId);
        return AssetScore.FromChecks([Architecture(facts.Quote, t), Sla(facts.Quote, t), Milestones(facts.Quote, t),
            Criteria(facts.Requirement, t), Validity(facts.Quote, today, t)]);
    }

    private static CredibilityCheck Architecture(QuoteFacts? q, ProposalTexts t)
    {
        if (q is null) return new("architecture", false, t.NoQuote, t.QuoteFix, ArchitectureWeight);
        var diagram = q.Terms.ArchitectureMermaid;
        return diagram is null
            ? new("architecture", false, t.NoDiagram(q.QuoteId), t.DiagramFix, ArchitectureWeight)
            : new("architecture", true, t.Diagram(q.QuoteId, diagram), "", ArchitectureWeight);
    }

    private static CredibilityCheck Sla(QuoteFacts? q, ProposalTexts t)
    {
        if (q is null) return new("sla", false, t.NoQuote, t.QuoteFix, SlaWeight);
        var support = q.Terms.SupportWindow;
        var evidence = t.Sla(q.QuoteId, q.UptimePercent, q.P99Ms, support);
        return new("sla", support is not null, evidence, support is null ? t.SupportFix : "", SlaWeight);
    }

    private static CredibilityCheck Milestones(QuoteFacts? q, ProposalTexts t)
    {
        if (q is null) return new("milestones", false, t.NoQuote, t.QuoteFix, MilestonesWeight);
        var stages = q.Terms.Milestones;
        var passed = stages.Count >= MinMilestones;
        return new("milestones", passed, t.Milestones(q.QuoteId, stages), passed ? "" : t.MilestonesFix, MilestonesWeight);
    }

    private static CredibilityCheck Criteria(RequirementFacts? r, ProposalTexts t)
    {
        if (r is null) return new("acceptance-criteria", false, t.NoRequirement, t.RequirementFix, AcceptanceCriteriaWeight);
        if (r.Unreadable is { } why)
            return new("acceptance-criteria", false, t.Unreadable(r.Version, why), t.RequirementFix, AcceptanceCriteriaWeight);
        var uncovered = r.Entities.Where(e => e.Criteria == 0).Select(e => e.Entity).ToList();
        var passed = r.Entities.Count > 0 && uncovered.Count == 0;
        return new("acceptance-criteria", passed, t.Criteria(r), passed ? "" : t.CriteriaFix(uncovered), AcceptanceCriteriaWeight);
    }

    private static CredibilityCheck Validity(QuoteFacts? q, DateOnly today, ProposalTexts t)
    {
        if (q is null) return new("validity", false, t.NoQuote, t.QuoteFix, ValidityWeight);
        var days = q.ValidUntil.DayNumber - today.DayNumber;
        return days >= 0
            ? new("validity", true, t.ValidUntil(q.QuoteId, q.ValidUntil, days), "", ValidityWeight)
            : new("validity", false, t.Expired(q.QuoteId, q.ValidUntil, -days), t.ValidityFix, ValidityWeight);
    }
}
