using Jiedan.Contract.Services;
using Jiedan.Domain.Contract;
using Jiedan.Domain.Credibility.Proposal;
using Jiedan.Domain.Quote.Spec;
using Jiedan.Quote.Services;

namespace Jiedan.Credibility.Proposal;

/// <summary>
/// Gathers a deal's proposal facts through the quote and contract modules: the newest quote stored on the deal (its SLA,
/// optional terms and validity) and the newest requirement version (its acceptance criteria counted).
/// </summary>
public sealed class ProposalFactsReader(QuoteService quotes, RequirementStore requirements)
{
    /// <summary>The deal's facts; null when the deal does not exist.</summary>
    public async Task<ProposalFacts?> ReadAsync(long dealId, CancellationToken ct)
    {
        if (!await requirements.DealExistsAsync(dealId, ct)) return null;
        var all = await quotes.ForDealAsync(dealId, ct);
        var quote = all.Count > 0 ? all[0] : null;
        var requirement = await requirements.LatestAsync(dealId, ct);
        return new ProposalFacts(dealId, quote is null ? null : Facts(quote), requirement is null ? null : Facts(requirement));
    }

    private static QuoteFacts Facts(QuoteView q)
    {
        var terms = q.Terms is { } t
            ? new ProposalTerms(t.ArchitectureMermaid, t.SupportWindow,
                [.. t.Milestones.Select(m => new Milestone(m.Name, m.Due, m.Amount))])
            : ProposalTerms.None;
        return new QuoteFacts(q.Id ?? 0, q.ValidUntil, q.Sla.UptimePercent, q.Sla.P99Ms, terms);
    }

    private static RequirementFacts Facts(RequirementVersion version)
    {
        try
        {
            return AcceptanceCriteria.Count(version.Number, RequirementReader.Read(version.YamlText, DealContracts.FileName));
        }
        catch (RequirementException e)
        {
            // The message names file, line and column and never quotes the text.
            return new RequirementFacts(version.Number, [], e.Message);
        }
    }
}
