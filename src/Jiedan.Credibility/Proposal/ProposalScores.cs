using Jiedan.Domain.Credibility;
using Jiedan.Domain.Credibility.Proposal;

namespace Jiedan.Credibility.Proposal;

/// <summary>The proposal score of a deal today (UTC), as the CLI and the API give it.</summary>
public sealed class ProposalScores(ProposalFactsReader reader, TimeProvider clock)
{
    /// <summary>The score; null when the deal does not exist.</summary>
    public async Task<AssetScore?> ScoreAsync(long dealId, bool chinese, CancellationToken ct)
    {
        var facts = await reader.ReadAsync(dealId, ct);
        if (facts is null) return null;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return ProposalScoring.Score(facts, today, chinese);
    }
}
