using Jiedan.Deals.Storage;
using Jiedan.Domain.Pipeline;
using Jiedan.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Credibility.Conversion;

/// <summary>A deal that closed: whether it was won, and when it closed.</summary>
public sealed record ClosedDeal(long DealId, bool Won, DateTime ClosedAtUtc);

/// <summary>
/// Which deals count as closed for the fit. Won: the deal reached the won stage (<c>Signed</c>, or the last stage when
/// the configured pipeline has no <c>Signed</c>) or any later one: the client said yes, even if the work was later
/// lost. Lost: the deal is in <c>Lost</c> and never reached the won stage. Everything else is still open. A deal closes
/// at its first event into the won stage or later, or at its move to Lost.
/// </summary>
public sealed class ClosedDeals(DealsDbContext deals, PipelineSettings settings)
{
    public const string WonStageKey = "Signed";

    public int WonStageIndex => settings.Stages.IndexOf(WonStageKey) is var i and >= 0 ? i : settings.Stages.Ordered.Count - 1;

    public string WonStage => settings.Stages.Ordered[WonStageIndex].Key;

    public async Task<IReadOnlyList<ClosedDeal>> ListAsync(CancellationToken ct)
    {
        var won = WonStageIndex;
        var wonKeys = settings.Stages.Ordered.Skip(won).Select(s => s.Key).ToList();
        var closed = await deals.Deals.AsNoTracking()
            .Where(d => d.FurthestStageIndex >= won || d.Stage == PipelineStages.LostKey)
            .Select(d => new { d.Id, Won = d.FurthestStageIndex >= won })
            .ToListAsync(ct);
        var ids = closed.Select(d => d.Id).ToList();
        var events = await deals.StageEvents.AsNoTracking()
            .Where(e => ids.Contains(e.DealId) && (wonKeys.Contains(e.ToStage) || e.ToStage == PipelineStages.LostKey))
            .Select(e => new { e.DealId, e.ToStage, e.At, e.Seq })
            .ToListAsync(ct);
        var byDeal = events.ToLookup(e => e.DealId);
        return closed.Select(d =>
            {
                var closing = byDeal[d.Id].Where(e => d.Won ? e.ToStage != PipelineStages.LostKey : e.ToStage == PipelineStages.LostKey)
                    .OrderBy(e => e.Seq).FirstOrDefault();
                return closing is null ? null : new ClosedDeal(d.Id, d.Won, closing.At.AsUtc());
            })
            .OfType<ClosedDeal>()
            .OrderBy(d => d.ClosedAtUtc).ThenBy(d => d.DealId)
            .ToList();
    }
}
