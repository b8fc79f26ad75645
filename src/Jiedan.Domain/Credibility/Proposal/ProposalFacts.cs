using Jiedan.Domain.Quote.Spec;

namespace Jiedan.Domain.Credibility.Proposal;

/// <summary>
/// What the proposal score reads from a deal: its newest quote (null when it has none) and its newest requirement
/// version (null when none is stored), as facts, so the scoring stays pure.
/// </summary>
public sealed record ProposalFacts(long DealId, QuoteFacts? Quote, RequirementFacts? Requirement);

/// <summary>The newest quote's proposal elements: SLA figures (always in a quote), its optional terms and validity.</summary>
public sealed record QuoteFacts(long QuoteId, DateOnly ValidUntil, decimal UptimePercent, decimal P99Ms, ProposalTerms Terms);

/// <summary>
/// The deal's newest requirement version: its entities and the acceptance criteria they state (each field rule is one
/// criterion the generated service enforces and tests at its boundary). <see cref="Unreadable"/> is set when the stored
/// text no longer reads (limits changed): then nothing is counted.
/// </summary>
public sealed record RequirementFacts(int Version, IReadOnlyList<EntityCriteria> Entities, string? Unreadable = null)
{
    public int Criteria => Entities.Sum(e => e.Criteria);
    public int Covered => Entities.Count(e => e.Criteria > 0);
}

/// <summary>One entity and how many acceptance criteria (field rules) it states.</summary>
public sealed record EntityCriteria(string Entity, int Criteria);
