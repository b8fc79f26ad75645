using Microsoft.EntityFrameworkCore;

namespace Jiedan.Incidents.Storage;

/// <summary>
/// What the chat answers change on incidents: acknowledgements (set once, never moved) and finding the incident a
/// "what fixed it" answer is about. Every query is confined to the deals of the chat the answer came from.
/// </summary>
public sealed class IncidentChatStore(IDbContextFactory<IncidentsDbContext> contexts, TimeProvider time)
{
    /// <summary>How long after the question a bare number still answers "which suggestion fixed it".</summary>
    public static readonly TimeSpan FixAnswerWindow = TimeSpan.FromDays(7);

    /// <summary>The alert names newly acknowledged, and whether the notification had been acknowledged already.</summary>
    public sealed record Acknowledged(IReadOnlyList<string> AlertNames, bool Already);

    /// <summary>
    /// The acknowledge button of one notification: every incident posted in that message (same receiver, group and
    /// posting), if it is one of the chat's deals'; null when it is not.
    /// </summary>
    public async Task<Acknowledged?> AcknowledgeNotificationAsync(long incidentId, IReadOnlyList<long> dealIds, string by,
        CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var named = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, ct);
        if (named is not { DealId: { } deal, PostedAtUtc: { } posted } || !dealIds.Contains(deal)) return null;
        var posting = await db.Incidents.Where(i => i.Receiver == named.Receiver && i.GroupKey == named.GroupKey && i.DealId == deal
            && i.PostedAtUtc == posted).ToListAsync(ct);
        return await AcknowledgeAsync(db, posting, by, ct);
    }

    /// <summary>"收到": every open incident posted to the chat's deals and not yet acknowledged (none: null).</summary>
    public async Task<Acknowledged?> AcknowledgeOpenAsync(IReadOnlyList<long> dealIds, string by, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var open = await db.Incidents.Where(i => i.DealId != null && dealIds.Contains(i.DealId.Value) && i.PostedAtUtc != null
            && i.AcknowledgedAtUtc == null && i.ResolvedAtUtc == null).OrderBy(i => i.Id).Take(1000).ToListAsync(ct);
        return open.Count == 0 ? null : await AcknowledgeAsync(db, open, by, ct);
    }

    private async Task<Acknowledged> AcknowledgeAsync(IncidentsDbContext db, List<IncidentRecord> incidents, string by,
        CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var fresh = incidents.Where(i => i.AcknowledgedAtUtc is null).ToList();
        foreach (var i in fresh) (i.AcknowledgedAtUtc, i.AcknowledgedBy) = (now, by.Length <= 200 ? by : by[..200]);
        await db.SaveChangesAsync(ct);
        return new([.. fresh.Select(i => i.AlertName).Distinct(StringComparer.Ordinal)], fresh.Count == 0);
    }

    /// <summary>The incident a fix button names, if it is one of the chat's deals'.</summary>
    public async Task<IncidentRecord?> FindAsync(long incidentId, IReadOnlyList<long> dealIds, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, ct);
        return incident is { DealId: { } deal } && dealIds.Contains(deal) ? incident : null;
    }

    /// <summary>The incident the chat was last asked "what fixed it" about, still unanswered and recent enough.</summary>
    public async Task<IncidentRecord?> LastAskedAsync(IReadOnlyList<long> dealIds, CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime - FixAnswerWindow;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Incidents.AsNoTracking()
            .Where(i => i.DealId != null && dealIds.Contains(i.DealId.Value) && i.PostedAtUtc != null && i.FixAskedAtUtc > since
                && i.FixedBy == null && i.MatchesJson != null)
            .OrderByDescending(i => i.FixAskedAtUtc).ThenByDescending(i => i.Id).FirstOrDefaultAsync(ct);
    }
}
