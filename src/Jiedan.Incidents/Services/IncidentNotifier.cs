using System.Text.Json;
using Jiedan.Bot.Storage;
using Jiedan.Common.Storage;
using Jiedan.Domain.Bot;
using Jiedan.Domain.Incidents;
using Jiedan.Incidents.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Incidents.Services;

/// <summary>
/// Works out suggestions for newly stored alerts and posts them to the deal's client chat through the bot outbox (the one
/// way Jiedan posts to a chat), with an acknowledge button; once an incident resolves, asks the chat which suggestion
/// fixed it. An incident is marked notified (asked) after its message is queued, so a crash in between posts it again
/// rather than never (at least once). On PostgreSQL each batch is claimed with <c>FOR UPDATE SKIP LOCKED</c> until it is
/// marked, so several instances never post the same incident twice.
/// </summary>
public sealed class IncidentNotifier(IDbContextFactory<IncidentsDbContext> contexts, KnowledgeBase knowledge, DealChatOutbox outbox,
    BotWriteGate gate, DatabaseTarget target, TimeProvider time)
{
    private const string Unnotified = """SELECT * FROM incidents WHERE "NotifiedAtUtc" IS NULL ORDER BY "Id" LIMIT {0}""";
    private const string ResolvedUnasked = """
        SELECT * FROM incidents WHERE "Origin" = {1} AND "ResolvedAtUtc" IS NOT NULL AND "NotifiedAtUtc" IS NOT NULL
        AND "FixAskedAtUtc" IS NULL ORDER BY "Id" LIMIT {0}
        """;

    public const int BatchSize = 200;

    /// <summary>Handles one batch; returns how many incidents it handled (0 when none were waiting).</summary>
    public async Task<int> NotifyPendingAsync(CancellationToken ct) => await SuggestAsync(ct) + await AskWhatFixedAsync(ct);

    private async Task<int> SuggestAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var claim = await BatchClaim.BeginAsync(db, target, ct);
        var pending = await db.Incidents.FromSqlRaw(claim.Sql(Unnotified), BatchSize).ToListAsync(ct);
        if (pending.Count == 0) return 0;
        // After an import, alerts are matched against what was known until the new matcher is built, not held up by it.
        var matcher = await knowledge.MatcherAsync(ct, waitForNewer: TimeSpan.FromSeconds(3));
        // One walk of the graph per alert name and batch: a burst repeats a few names many times.
        var pastFixes = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        var groups = pending.GroupBy(i => (i.Receiver, i.DealId, i.GroupKey)).ToList();
        var posts = new List<(ChatPost Post, IReadOnlyList<IncidentRecord> Incidents)>();
        foreach (var group in groups)
        {
            var results = new List<(string, string, MatchResult)>();
            foreach (var incident in group)
            {
                var query = QueryOf(incident);
                if (!pastFixes.TryGetValue(query.Name, out var fixes))
                    pastFixes[query.Name] = fixes = await knowledge.PastFixesAsync(query.Name, ct);
                var result = matcher.Match(query, fixes);
                incident.MatchesJson = JsonSerializer.Serialize(
                    result.Matches.Select(m => new MatchDto(m.Entry.Title, m.Entry.Source, m.Score, m.Entry.Path, m.Evidence)),
                    MatchOutput.Json);
                incident.Confident = result.Confident;
                results.Add((incident.AlertName, incident.Status, result));
            }
            if (group.Key.DealId is not { } deal) continue;
            var text = MatchOutput.ChatText(results, group.Max(i => i.TruncatedAlerts));
            IReadOnlyList<IReadOnlyList<ReplyButton>> acknowledge =
                [[new ReplyButton(MatchOutput.AcknowledgeLabel, IncidentChat.AcknowledgeData(group.Min(i => i.Id)))]];
            posts.Add((new ChatPost(deal, text, acknowledge, MatchOutput.AcknowledgeByText), group.ToList()));
        }
        // The messages are committed before the incidents are marked: a crash in between posts again rather than never.
        var queued = await outbox.EnqueueAsync(posts.Select(p => p.Post).ToList(), ct);
        var now = time.GetUtcNow().UtcDateTime;
        for (var i = 0; i < posts.Count; i++)
            if (queued[i]) foreach (var incident in posts[i].Incidents) incident.PostedAtUtc = now;
        foreach (var incident in pending) incident.NotifiedAtUtc = now;
        await claim.SaveAsync(gate, ct);
        return pending.Count;
    }

    private static AlertQuery QueryOf(IncidentRecord incident)
    {
        var labels = JsonSerializer.Deserialize<Dictionary<string, string>>(incident.LabelsJson) ?? [];
        var annotations = JsonSerializer.Deserialize<Dictionary<string, string>>(incident.AnnotationsJson) ?? [];
        return AlertQuery.From(new Alert(AlertStatus.Firing, labels, annotations, incident.StartsAtUtc, null, "", incident.Fingerprint));
    }

    /// <summary>
    /// Resolved incidents that were posted with suggestions and whose fix is not known: the chat is asked once which
    /// suggestion fixed it (buttons 1-3, or a reply with the number). The others are marked asked without a message.
    /// </summary>
    private async Task<int> AskWhatFixedAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var claim = await BatchClaim.BeginAsync(db, target, ct);
        var resolved = await db.Incidents.FromSqlRaw(claim.Sql(ResolvedUnasked), BatchSize, IncidentStore.AlertmanagerOrigin)
            .ToListAsync(ct);
        if (resolved.Count == 0) return 0;
        var posts = new List<ChatPost>();
        foreach (var incident in resolved)
        {
            var suggestions = MatchOutput.Stored(incident.MatchesJson);
            if (incident.FixedBy is not null || incident.PostedAtUtc is null || incident.DealId is not { } deal || suggestions.Count == 0)
                continue;
            var buttons = suggestions.Select((m, n) => (IReadOnlyList<ReplyButton>)
                [new ReplyButton(MatchOutput.Clip($"{n + 1}. {m.Title}", 60), IncidentChat.FixData(incident.Id, n + 1))]).ToList();
            posts.Add(new ChatPost(deal, MatchOutput.WhatFixedText(incident.AlertName, suggestions), buttons,
                MatchOutput.WhatFixedByText(suggestions.Count)));
        }
        await outbox.EnqueueAsync(posts, ct);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var incident in resolved) incident.FixAskedAtUtc = now;
        await claim.SaveAsync(gate, ct);
        return resolved.Count;
    }
}
