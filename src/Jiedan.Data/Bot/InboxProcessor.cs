using Jiedan.Data.Storage;
using Jiedan.Domain.Bot;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Data.Bot;

/// <summary>
/// Runs the confirmation core over stored, unprocessed updates. Everything one batch causes — confirmation
/// state, evidence log, human queue, outbox rows — commits in the same transaction that marks the updates
/// processed, so an update is acted on exactly once even if the process dies halfway. On PostgreSQL the batch is
/// claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several instances share the inbox.
/// </summary>
public sealed class InboxProcessor(
    IDbContextFactory<BotDbContext> contexts, DatabaseTarget target, IBotAdapterCatalog adapters, BotOptions options, TimeProvider time)
{
    public const int BatchSize = 200;
    private readonly ConfirmationCore core = new(options);

    /// <summary>Processes one batch; returns how many updates it handled (0 when the inbox is empty).</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claim = "SELECT * FROM bot_inbound_updates WHERE processed_at_utc IS NULL ORDER BY id LIMIT {0}"
                    + (target.Provider == DatabaseProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : "");
        var updates = await db.InboundUpdates.FromSqlRaw(claim, BatchSize).ToListAsync(ct);
        if (updates.Count == 0) return 0;
        var batch = new Batch(db);
        foreach (var update in updates.OrderBy(u => u.Id))
            await ProcessAsync(batch, update, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return updates.Count;
    }

    /// <summary>Expires open confirmations whose time is up, logging each with the text that was on offer.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        string[] open = [nameof(ConfirmationState.Draft), nameof(ConfirmationState.Sent), nameof(ConfirmationState.AmendRequested)];
        var due = await db.Confirmations.Where(c => open.Contains(c.State) && c.ExpiresAtUtc <= now).OrderBy(c => c.Id).Take(BatchSize).ToListAsync(ct);
        foreach (var record in due)
        {
            var decision = ConfirmationCore.Expire(ConfirmationMapping.ToDomain(record, ""), now);
            ConfirmationMapping.CopyTo(decision.Confirmation!, record, now);
            foreach (var t in decision.Transitions)
                db.Transitions.Add(new ConfirmationTransitionRecord
                {
                    ConfirmationId = t.ConfirmationId, Version = t.Version, FromState = t.From.ToString(), ToState = t.To.ToString(),
                    Action = t.Action, Actor = t.Actor, Snapshot = t.Snapshot, AtUtc = t.AtUtc,
                });
        }
        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    private async Task ProcessAsync(Batch batch, InboundUpdateRecord update, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        update.ProcessedAtUtc = now;
        var adapter = adapters.Find(update.Platform, update.Bot);
        if (adapter is null)
        {
            update.Outcome = "no such bot configured";
            return;
        }
        InboundMessage message;
        try { message = adapter.Parse(update.Body); }
        catch (BotFormatException e)
        {
            update.Outcome = "unreadable: " + e.Message;
            return;
        }
        if (message.Kind == InboundKind.Other || message.ChatId.Length == 0)
        {
            update.Outcome = "ignored";
            return;
        }
        var conversation = await batch.ConversationAsync(update, message, now, ct);
        var targetRecord = ConfirmationCore.Target(message) is { } button
            ? await batch.ConfirmationAsync(button.ConfirmationId, conversation.Id, ct)
            : await batch.OpenConfirmationAsync(conversation.Id, ct);
        var targetDomain = targetRecord is null ? null : ConfirmationMapping.ToDomain(targetRecord, message.ConversationKey);

        var decision = core.Handle(message, targetDomain, update.Id, now);

        foreach (var c in decision.Confirmations)
        {
            var record = c.Id == targetRecord?.Id ? targetRecord : batch.NewConfirmation(c.Id, conversation.Id, c.ChatId);
            ConfirmationMapping.CopyTo(c, record, now);
            batch.Remember(record);
        }
        foreach (var t in decision.Transitions)
        {
            batch.Db.Transitions.Add(new ConfirmationTransitionRecord
            {
                ConfirmationId = t.ConfirmationId, Version = t.Version, FromState = t.From.ToString(), ToState = t.To.ToString(),
                Action = t.Action, Actor = t.Actor, Snapshot = t.Snapshot, AtUtc = t.AtUtc, InboundUpdateId = update.Id,
            });
        }
        if (decision.ToHumanQueue)
        {
            batch.Db.HumanQueue.Add(new HumanQueueRecord
            {
                ConversationId = conversation.Id, InboundUpdateId = update.Id, ClientName = message.From.DisplayName,
                Text = message.Text ?? "", ReceivedAtUtc = message.SentAtUtc == DateTime.UnixEpoch ? now : message.SentAtUtc,
            });
        }
        foreach (var reply in decision.Replies)
        {
            if (adapter.Build(reply) is not { } payload) continue;
            batch.Db.Outbox.Add(new OutboxRecord
            {
                Platform = update.Platform, Bot = update.Bot, Method = payload.Method, Payload = payload.Json,
                InboundUpdateId = update.Id, CreatedAtUtc = now, NextAttemptAtUtc = now,
            });
        }
        update.Outcome = decision.ToHumanQueue ? "human queue"
            : decision.Confirmation is { } done ? $"confirmation {done.Id} v{done.Version} {done.State}"
            : "answered";
    }

    /// <summary>What one batch has loaded or created, so later updates in the batch see earlier ones' effects.</summary>
    private sealed class Batch(BotDbContext db)
    {
        public BotDbContext Db => db;
        private readonly Dictionary<(string, string, string), ConversationRecord> conversations = [];
        private readonly Dictionary<long, ConfirmationRecord?> openByConversation = [];
        private readonly Dictionary<long, ConfirmationRecord> byId = [];

        public async Task<ConversationRecord> ConversationAsync(InboundUpdateRecord u, InboundMessage m, DateTime now, CancellationToken ct)
        {
            var key = (u.Platform, u.Bot, m.ChatId);
            if (!conversations.TryGetValue(key, out var c))
            {
                c = await db.Conversations.FirstOrDefaultAsync(x => x.Platform == u.Platform && x.Bot == u.Bot && x.ChatId == m.ChatId, ct);
                if (c is null)
                {
                    c = new ConversationRecord { Platform = u.Platform, Bot = u.Bot, ChatId = m.ChatId, ClientName = m.From.DisplayName, FirstSeenUtc = now };
                    db.Conversations.Add(c);
                    await db.SaveChangesAsync(ct); // the id is needed by what follows; still inside the batch transaction
                }
                conversations[key] = c;
            }
            c.LastMessageUtc = now;
            if (m.From.DisplayName.Length > 0) c.ClientName = m.From.DisplayName;
            return c;
        }

        public async Task<ConfirmationRecord?> ConfirmationAsync(long id, long conversationId, CancellationToken ct)
        {
            if (!byId.TryGetValue(id, out var r))
            {
                r = await db.Confirmations.FirstOrDefaultAsync(x => x.Id == id, ct);
                if (r is not null) byId[id] = r;
            }
            return r?.ConversationId == conversationId ? r : null;
        }

        public async Task<ConfirmationRecord?> OpenConfirmationAsync(long conversationId, CancellationToken ct)
        {
            if (openByConversation.TryGetValue(conversationId, out var known)) return known;
            string[] open = [nameof(ConfirmationState.Draft), nameof(ConfirmationState.Sent), nameof(ConfirmationState.AmendRequested)];
            var r = await db.Confirmations.Where(x => x.ConversationId == conversationId && open.Contains(x.State))
                .OrderByDescending(x => x.Id).FirstOrDefaultAsync(ct);
            if (r is not null) byId.TryAdd(r.Id, r);
            openByConversation[conversationId] = r is null ? null : byId[r.Id];
            return openByConversation[conversationId];
        }

        public ConfirmationRecord NewConfirmation(long id, long conversationId, string chatId)
        {
            var r = new ConfirmationRecord { Id = id, ConversationId = conversationId, ChatId = chatId, State = "", ItemsJson = "[]", DecisionsJson = "[]" };
            db.Confirmations.Add(r);
            byId[id] = r;
            return r;
        }

        public void Remember(ConfirmationRecord r)
        {
            var isOpen = r.State is nameof(ConfirmationState.Draft) or nameof(ConfirmationState.Sent) or nameof(ConfirmationState.AmendRequested);
            if (isOpen) openByConversation[r.ConversationId] = r;
            else if (openByConversation.TryGetValue(r.ConversationId, out var current) && current == r) openByConversation[r.ConversationId] = null;
        }
    }
}
