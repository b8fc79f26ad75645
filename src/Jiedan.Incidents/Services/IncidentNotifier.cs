using System.Text.Json;
using Jiedan.Bot.Storage;
using Jiedan.Domain.Bot;
using Jiedan.Domain.Incidents;
using Jiedan.Incidents.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Incidents.Services;

/// <summary>
/// Works out suggestions for newly stored alerts and posts them to the deal's client chat through the bot outbox (the one
/// way Jiedan posts to a chat), with an acknowledge button; once an incident resolves, asks the chat which suggestion
/// fixed it. An incident is marked notified (asked) after its message is queued, so a crash in between posts it again
/// rather than never (at least once).
/// </summary>
public sealed class IncidentNotifier(IDbContextFactory<IncidentsDbContext> contexts, KnowledgeBase knowledge, DealChatOutbox outbox,
    BotWriteGate gate, TimeProvider time)
{
    public const int BatchSize = 200;

    /// <summary>Handles one batch; returns how many incidents it handled (0 when none were waiting).</summary>
    public async Task<int> NotifyPendingAsync(CancellationToken ct) => await SuggestAsync(ct) + await AskWhatFixedAsync(ct);

    private async Task<int> SuggestAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var pending = await db.Incidents.Where(i => i.NotifiedAtUtc == null).OrderBy(i => i.Id).Take(BatchSize).ToListAsync(ct);
        if (pending.Count == 0) return 0;
        var matcher = await knowledge.MatcherAsync(ct);
        // One walk of the graph per alert name and batch: a burst repeats a few names many times.
        var pastFixes = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var group in pending.GroupBy(i => (i.Receiver, i.DealId, i.GroupKey)))
        {
            var results = new List<(string, string, MatchResult)>();
            foreach (var incident in group)
            {
                var labels = JsonSerializer.Deserialize<Dictionary<string, string>>(incident.LabelsJson) ?? [];
                var annotations = JsonSerializer.Deserialize<Dictionary<string, string>>(incident.AnnotationsJson) ?? [];
                var alert = new Alert(AlertStatus.Firing, labels, annotations, incident.StartsAtUtc, null, "", incident.Fingerprint);
                var query = AlertQuery.From(alert);
                if (!pastFixes.TryGetValue(query.Name, out var fixes))
                    pastFixes[query.Name] = fixes = await knowledge.PastFixesAsync(query.Name, ct);
                var result = matcher.Match(query, fixes);
                incident.MatchesJson = JsonSerializer.Serialize(
                    result.Matches.Select(m => new MatchDto(m.Entry.Title, m.Entry.Source, m.Score, m.Entry.Path, m.Evidence)),
                    MatchOutput.Json);
                incident.Confident = result.Confident;
                results.Add((incident.AlertName, incident.Status, result));
            }
            var now = time.GetUtcNow().UtcDateTime;
            var first = group.Min(i => i.Id);
            var text = MatchOutput.ChatText(results, group.Max(i => i.TruncatedAlerts));
            IReadOnlyList<IReadOnlyList<ReplyButton>> acknowledge =
                [[new ReplyButton(MatchOutput.AcknowledgeLabel, IncidentChat.AcknowledgeData(first))]];
            if (group.Key.DealId is { } deal && await outbox.EnqueueAsync(deal, text, acknowledge, MatchOutput.AcknowledgeByText, ct))
                foreach (var incident in group) incident.PostedAtUtc = now;
            foreach (var incident in group) incident.NotifiedAtUtc = now;
            using (await gate.EnterAsync(ct)) await db.SaveChangesAsync(ct);
        }
        return pending.Count;
    }

    /// <summary>
    /// Resolved incidents that were posted with suggestions and whose fix is not known: the chat is asked once which
    /// suggestion fixed it (buttons 1-3, or a reply with the number). The others are marked asked without a message.
    /// </summary>
    private async Task<int> AskWhatFixedAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var resolved = await db.Incidents
            .Where(i => i.Origin == IncidentStore.AlertmanagerOrigin && i.ResolvedAtUtc != null && i.NotifiedAtUtc != null
                && i.FixAskedAtUtc == null)
            .OrderBy(i => i.Id).Take(BatchSize).ToListAsync(ct);
        foreach (var incident in resolved)
        {
            var suggestions = MatchOutput.Stored(incident.MatchesJson);
            if (incident.FixedBy is null && incident.PostedAtUtc is not null && incident.DealId is { } deal && suggestions.Count > 0)
            {
                var buttons = suggestions.Select((m, n) => (IReadOnlyList<ReplyButton>)
                    [new ReplyButton(MatchOutput.Clip($"{n + 1}. {m.Title}", 60), IncidentChat.FixData(incident.Id, n + 1))]).ToList();
                await outbox.EnqueueAsync(deal, MatchOutput.WhatFixedText(incident.AlertName, suggestions), buttons,
                    MatchOutput.WhatFixedByText(suggestions.Count), ct);
            }
            incident.FixAskedAtUtc = time.GetUtcNow().UtcDateTime;
            using (await gate.EnterAsync(ct)) await db.SaveChangesAsync(ct);
        }
        return resolved.Count;
    }
}
