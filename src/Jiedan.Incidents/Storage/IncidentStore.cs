using System.Text.Json;
using Jiedan.Bot.Storage;
using Jiedan.Domain.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Incidents.Storage;

/// <summary>
/// Stores Alertmanager notifications. A notification's alerts are written in one transaction; an alert already seen
/// with the same receiver, fingerprint, startsAt and status changes nothing (Alertmanager delivers again after a 5xx or
/// a lost answer, and repeats firing alerts every <c>repeat_interval</c>). A resolved alert closes its incident.
/// On SQLite the write goes through the bot's write gate as an urgent writer (Alertmanager waits on it), so receiver
/// requests, the notifier and the bot take turns in process instead of sleeping in SQLite's busy handler.
/// </summary>
public sealed class IncidentStore(IDbContextFactory<IncidentsDbContext> contexts, TimeProvider time, BotWriteGate gate)
{
    public const string AlertmanagerOrigin = "alertmanager";

    /// <summary>Stores what is new in <paramref name="group"/>; returns how many alert notifications were new.</summary>
    public async Task<int> IngestAsync(string receiver, long? dealId, AlertGroup group, CancellationToken ct) =>
        (await IngestAsync([new AlertNotification(receiver, dealId, group)], ct))[0];

    /// <summary>
    /// Stores several notifications in one transaction (group commit); for each, how many of its alerts were new.
    /// </summary>
    public async Task<int[]> IngestAsync(IReadOnlyList<AlertNotification> batch, CancellationToken ct)
    {
        try { return await TryIngestAsync(batch, ct); }
        catch (DbUpdateException)
        {
            // The same notification stored concurrently by another instance: everything is seen now, or this fails again.
            return await TryIngestAsync(batch, ct);
        }
    }

    private async Task<int[]> TryIngestAsync(IReadOnlyList<AlertNotification> batch, CancellationToken ct)
    {
        using var turn = await gate.EnterUrgentAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var added = new int[batch.Count];
        for (var i = 0; i < batch.Count; i++) added[i] = await StoreAsync(db, batch[i], now, ct);
        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>Writes one notification inside the caller's transaction (flushed, so the next one sees it).</summary>
    private static async Task<int> StoreAsync(IncidentsDbContext db, AlertNotification notification, DateTime now, CancellationToken ct)
    {
        var (receiver, dealId, group) = notification;
        var fingerprints = group.Alerts.Select(a => a.Fingerprint).Distinct().ToList();
        var incidents = await db.Incidents.Where(i => i.Receiver == receiver && fingerprints.Contains(i.Fingerprint)).ToListAsync(ct);
        var events = await db.Events.Where(e => e.Receiver == receiver && fingerprints.Contains(e.Fingerprint))
            .Select(e => new { e.Fingerprint, e.StartsAtUtc, e.Status }).ToListAsync(ct);
        var seen = events.Select(e => (e.Fingerprint, e.StartsAtUtc, e.Status)).ToHashSet();
        var added = 0;
        foreach (var alert in group.Alerts)
        {
            var status = alert.Status == AlertStatus.Firing ? "firing" : "resolved";
            if (!seen.Add((alert.Fingerprint, alert.StartsAtUtc, status))) continue;
            var incident = incidents.FirstOrDefault(i => i.Fingerprint == alert.Fingerprint && i.StartsAtUtc == alert.StartsAtUtc);
            if (incident is null)
            {
                incident = new IncidentRecord
                {
                    Receiver = receiver, Fingerprint = alert.Fingerprint, StartsAtUtc = alert.StartsAtUtc,
                    AlertName = alert.Name.Length > 300 ? alert.Name[..300] : alert.Name, DealId = dealId, Status = status,
                    LabelsJson = JsonSerializer.Serialize(alert.Labels), AnnotationsJson = JsonSerializer.Serialize(alert.Annotations),
                    GroupKey = group.GroupKey, TruncatedAlerts = group.TruncatedAlerts, ReceivedAtUtc = now, Origin = AlertmanagerOrigin,
                    // An alert first heard of as resolved needs no suggestions any more.
                    NotifiedAtUtc = alert.Status == AlertStatus.Resolved ? now : null,
                };
                db.Incidents.Add(incident);
                incidents.Add(incident);
                await db.SaveChangesAsync(ct);
            }
            if (alert.Status == AlertStatus.Resolved)
            {
                incident.Status = status;
                incident.ResolvedAtUtc ??= alert.EndsAtUtc ?? now;
            }
            incident.TruncatedAlerts = Math.Max(incident.TruncatedAlerts, group.TruncatedAlerts);
            db.Events.Add(new IncidentEventRecord
            {
                IncidentId = incident.Id, Receiver = receiver, Fingerprint = alert.Fingerprint, StartsAtUtc = alert.StartsAtUtc,
                Status = status, ReceivedAtUtc = now,
            });
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }
}

/// <summary>One webhook notification as received: the receiver's name, the deal it belongs to, its alerts.</summary>
public sealed record AlertNotification(string Receiver, long? DealId, AlertGroup Group);
