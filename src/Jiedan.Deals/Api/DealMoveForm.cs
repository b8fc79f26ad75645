using Jiedan.Common.Web;
using Jiedan.Deals.Storage;

namespace Jiedan.Deals.Api;

/// <summary>A move posted from a dashboard form (board or deal page), answered as the one-line message the page shows.</summary>
public sealed class DealMoveForm(DealStore store, PipelineSettings settings, Texts texts)
{
    public async Task<(string Message, bool IsError)> SubmitAsync(long id, int version, string stage, string? reason, string actor,
        CancellationToken ct)
    {
        var result = await store.MoveAsync(id, version, stage, null, actor, string.IsNullOrWhiteSpace(reason) ? null : reason, ct);
        return result switch
        {
            MoveResult.Moved m => (texts.Format("deals.moved", m.Deal.Client, settings.Stages.TryFind(stage, out var s)
                ? s.Label(Texts.Language) : stage), false),
            MoveResult.Stale s => (texts.Format("deals.stale", s.CurrentVersion), true),
            MoveResult.Rejected r => (r.Reason, true),
            _ => (texts["deals.notFound"], true),
        };
    }
}
