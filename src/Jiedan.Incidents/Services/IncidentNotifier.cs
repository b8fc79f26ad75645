using System.Text.Json;
using Jiedan.Bot.Storage;
using Jiedan.Domain.Incidents;
using Jiedan.Incidents.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Incidents.Services;

/// <summary>
/// Works out suggestions for newly stored alerts and posts them to the deal's client chat through the bot outbox (the one
/// way Jiedan posts to a chat). An incident is marked notified after its message is queued, so a crash in between
/// posts it again rather than never (at least once).
/// </summary>
public sealed class IncidentNotifier(IDbContextFactory<IncidentsDbContext> contexts, KnowledgeBase knowledge, DealChatOutbox outbox,
    TimeProvider time)
{
    public const int BatchSize = 200;

    /// <summary>Handles one batch; returns how many incidents it handled (0 when none were waiting).</summary>
    public async Task<int> NotifyPendingAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var pending = await db.Incidents.Where(i => i.NotifiedAtUtc == null).OrderBy(i => i.Id).Take(BatchSize).ToListAsync(ct);
        if (pending.Count == 0) return 0;
        var matcher = await knowledge.MatcherAsync(ct);
        foreach (var group in pending.GroupBy(i => (i.Receiver, i.DealId, i.GroupKey)))
        {
            var results = new List<(string, string, MatchResult)>();
            foreach (var incident in group)
            {
                var labels = JsonSerializer.Deserialize<Dictionary<string, string>>(incident.LabelsJson) ?? [];
                var annotations = JsonSerializer.Deserialize<Dictionary<string, string>>(incident.AnnotationsJson) ?? [];
                var alert = new Alert(AlertStatus.Firing, labels, annotations, incident.StartsAtUtc, null, "", incident.Fingerprint);
                var result = matcher.Match(AlertQuery.From(alert));
                incident.MatchesJson = JsonSerializer.Serialize(
                    result.Matches.Select(m => new MatchDto(m.Entry.Title, m.Entry.Source, m.Score, m.Entry.Path, m.Evidence)),
                    MatchOutput.Json);
                incident.Confident = result.Confident;
                results.Add((incident.AlertName, incident.Status, result));
            }
            if (group.Key.DealId is { } deal)
                await outbox.EnqueueAsync(deal, MatchOutput.ChatText(results, group.Max(i => i.TruncatedAlerts)), ct);
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var incident in group) incident.NotifiedAtUtc = now;
            await db.SaveChangesAsync(ct);
        }
        return pending.Count;
    }
}
