using Jiedan.Bot.Services;
using Jiedan.Common.Storage;
using Jiedan.Domain.Bot;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Bot.Storage;

/// <summary>
/// Runs the confirmation core over stored, unprocessed updates. Everything one batch causes — confirmation
/// state, evidence log, human queue, outbox rows — is saved in the same transaction that marks the updates
/// processed, so an update is acted on exactly once even if the process dies halfway.
/// On PostgreSQL the batch is claimed with <c>FOR UPDATE SKIP LOCKED</c> inside that transaction, so several
/// instances share the inbox. SQLite serves one process, whose single processor reads without holding the write
/// lock and writes in one short transaction through the <see cref="BotWriteGate"/>, so webhooks are not held up.
/// Messages the confirmation flow does not act on are offered to the registered <see cref="IChatMessageHandler"/>s first.
/// </summary>
public sealed class InboxProcessor(
    IDbContextFactory<BotDbContext> contexts, DatabaseTarget target, IBotAdapterCatalog adapters, BotOptions options,
    BotWriteGate gate, TimeProvider time, IEnumerable<IChatMessageHandler> handlers)
{
    public const int BatchSize = 200;
    private static readonly string[] OpenStates =
        [nameof(ConfirmationState.Draft), nameof(ConfirmationState.Sent), nameof(ConfirmationState.AmendRequested)];
    private readonly ConfirmationCore _core = new(options);
    private readonly IReadOnlyList<IChatMessageHandler> _handlers = [.. handlers];

    /// <summary>Processes one batch; returns how many updates it handled (0 when the inbox is empty).</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var claim = await BatchClaim.BeginAsync(db, target, ct);
        var unprocessed = claim.Sql("SELECT * FROM bot_inbound_updates WHERE processed_at_utc IS NULL ORDER BY id LIMIT {0}");
        var updates = await db.InboundUpdates.FromSqlRaw(unprocessed, BatchSize).ToListAsync(ct);
        if (updates.Count == 0) return 0;

        var now = time.GetUtcNow().UtcDateTime;
        // Update rows are only touched after the batch's conversations are saved (LoadAsync saves new ones), so a
        // crash in between cannot leave an update marked processed without its effects.
        var skipped = new List<(InboundUpdateRecord Update, string Outcome)>();
        var work = new List<(InboundUpdateRecord Update, IBotAdapter Adapter, InboundMessage Message)>();
        foreach (var u in updates.OrderBy(u => u.Id))
        {
            if (adapters.Find(u.Platform, u.Bot) is not { } adapter) { skipped.Add((u, "no such bot configured")); continue; }
            if (u.Kind == nameof(InboundKind.Other)) { skipped.Add((u, "ignored")); continue; }
            try
            {
                // Read on arrival; only rows stored before that (Message null) are read from the platform's body here.
                var m = u.Message is { } json ? InboundMessageJson.Read(json) : adapter.Parse(u.Body);
                if (m.Kind == InboundKind.Other || m.ChatId.Length == 0) skipped.Add((u, "ignored"));
                else work.Add((u, adapter, m));
            }
            catch (BotFormatException e) { skipped.Add((u, "unreadable: " + e.Message)); }
            // A parser fault on one stored update must not hold up every update behind it on each retry.
            catch (Exception e) when (e is not OperationCanceledException) { skipped.Add((u, "unreadable: " + e.GetType().Name)); }
        }
        var batch = await Batch.LoadAsync(db, work.Select(w => (w.Update, w.Message)).ToList(), now, gate, ct);
        foreach (var (update, outcome) in skipped) (update.ProcessedAtUtc, update.Outcome) = (now, outcome);
        foreach (var (update, adapter, message) in work) await ApplyAsync(batch, update, adapter, message, now, ct);

        await claim.SaveAsync(gate, ct);
        return updates.Count;
    }

    private async Task ApplyAsync(Batch batch, InboundUpdateRecord update, IBotAdapter adapter, InboundMessage message, DateTime now,
        CancellationToken ct)
    {
        update.ProcessedAtUtc = now;
        var conversation = batch.Conversation(update, message, now);
        var targetRecord = ConfirmationCore.Target(message) is { } button
            ? batch.ById(button.ConfirmationId, conversation.Id)
            : batch.Open(conversation.Id);
        var targetDomain = targetRecord is null ? null : ConfirmationMapping.ToDomain(targetRecord, message.ConversationKey);

        // A button that is not a confirmation button belongs to another module; a text the core would hand to a person
        // may be an answer another module asked for (an incident's acknowledgement).
        var handled = message.Kind == InboundKind.ButtonPress && ConfirmationCore.Target(message) is null
            ? await OfferAsync(batch, update, message, conversation.Id, ct) : null;
        var decision = handled is null ? _core.Handle(message, targetDomain, update.Id, now) : BotDecision.ReplyOnly();
        if (handled is null && decision.ToHumanQueue && message.Kind == InboundKind.Text)
            handled = await OfferAsync(batch, update, message, conversation.Id, ct);
        if (handled is not null) decision = decision with { Replies = [.. decision.Replies, .. handled.Replies], ToHumanQueue = false };

        foreach (var c in decision.Confirmations)
        {
            var record = c.Id == targetRecord?.Id ? targetRecord : batch.NewConfirmation(c.Id, conversation.Id, c.ChatId);
            ConfirmationMapping.CopyTo(c, record, now);
            batch.Remember(record);
        }
        foreach (var t in decision.Transitions) batch.Db.Transitions.Add(Log(t, update.Id));
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
        update.Outcome = handled is not null ? handled.Outcome
            : decision.ToHumanQueue ? "human queue"
            : decision.Confirmation is { } done ? $"confirmation {done.Id} v{done.Version} {done.State}"
            : "answered";
    }

    private async Task<ChatMessageHandled?> OfferAsync(Batch batch, InboundUpdateRecord update, InboundMessage message,
        long conversationId, CancellationToken ct)
    {
        if (_handlers.Count == 0) return null;
        var deals = await batch.Db.Confirmations.Where(c => c.ConversationId == conversationId && c.DealId != null)
            .Select(c => c.DealId!.Value).Distinct().ToListAsync(ct);
        var context = new ChatMessageContext(update.Platform, update.Bot, message, deals);
        foreach (var handler in _handlers)
            if (await handler.HandleAsync(context, ct) is { } handled) return handled;
        return null;
    }

    private static ConfirmationTransitionRecord Log(ConfirmationTransition t, long? updateId) => new()
    {
        ConfirmationId = t.ConfirmationId, Version = t.Version, FromState = t.From.ToString(), ToState = t.To.ToString(),
        Action = t.Action, Actor = t.Actor, Snapshot = t.Snapshot, AtUtc = t.AtUtc, InboundUpdateId = updateId,
    };

    /// <summary>Expires open confirmations whose time is up, logging each with the text that was on offer.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var due = await db.Confirmations.Where(c => OpenStates.Contains(c.State) && c.ExpiresAtUtc <= now).OrderBy(c => c.Id)
            .Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0) return 0;
        foreach (var record in due)
        {
            var decision = ConfirmationCore.Expire(ConfirmationMapping.ToDomain(record, ""), now);
            ConfirmationMapping.CopyTo(decision.Confirmation!, record, now);
            foreach (var t in decision.Transitions) db.Transitions.Add(Log(t, null));
        }
        using (await gate.EnterAsync(ct)) await db.SaveChangesAsync(ct);
        return due.Count;
    }

    /// <summary>
    /// Everything a batch needs, loaded in a few queries up front (conversations, open confirmations, confirmations
    /// named by buttons); later updates in the batch see what earlier ones changed.
    /// </summary>
    private sealed class Batch
    {
        private readonly Dictionary<(string, string, string), ConversationRecord> _conversations = [];
        private readonly Dictionary<long, ConfirmationRecord?> _openByConversation = [];
        private readonly Dictionary<long, ConfirmationRecord> _byId = [];
        public BotDbContext Db { get; }

        private Batch(BotDbContext db) => Db = db;

        public static async Task<Batch> LoadAsync(BotDbContext db, List<(InboundUpdateRecord Update, InboundMessage Message)> work,
            DateTime now, BotWriteGate gate, CancellationToken ct)
        {
            var batch = new Batch(db);
            foreach (var group in work.GroupBy(w => (w.Update.Platform, w.Update.Bot)))
            {
                var (platform, bot) = group.Key;
                var chats = group.Select(w => w.Message.ChatId).Distinct().ToList();
                foreach (var c in await db.Conversations.Where(c => c.Platform == platform && c.Bot == bot && chats.Contains(c.ChatId))
                    .ToListAsync(ct))
                    batch._conversations[(platform, bot, c.ChatId)] = c;
                foreach (var w in group.Where(w => !batch._conversations.ContainsKey((platform, bot, w.Message.ChatId))))
                {
                    var c = new ConversationRecord { Platform = platform, Bot = bot, ChatId = w.Message.ChatId,
                        ClientName = w.Message.From.DisplayName, FirstSeenUtc = now, LastMessageUtc = now };
                    batch._conversations[(platform, bot, c.ChatId)] = c;
                    db.Conversations.Add(c);
                }
            }
            // New conversations need their ids before anything can refer to them. On PostgreSQL this is inside the
            // batch transaction; on SQLite a conversation saved alone is harmless if the batch then fails (nothing
            // else has been changed yet).
            if (db.ChangeTracker.Entries<ConversationRecord>().Any(e => e.State == EntityState.Added))
                using (await gate.EnterAsync(ct)) await db.SaveChangesAsync(ct);

            var conversationIds = batch._conversations.Values.Select(c => c.Id).ToList();
            var open = await db.Confirmations.Where(c => conversationIds.Contains(c.ConversationId) && OpenStates.Contains(c.State))
                .ToListAsync(ct);
            foreach (var id in conversationIds)
                batch._openByConversation[id] = open.Where(c => c.ConversationId == id).MaxBy(c => c.Id);
            var named = work.Select(w => ConfirmationCore.Target(w.Message)?.ConfirmationId).OfType<long>().Distinct().ToList();
            var known = open.Concat(named.Count == 0 ? [] : await db.Confirmations.Where(c => named.Contains(c.Id)).ToListAsync(ct));
            foreach (var c in known) batch._byId.TryAdd(c.Id, c);
            return batch;
        }

        public ConversationRecord Conversation(InboundUpdateRecord u, InboundMessage m, DateTime now)
        {
            var c = _conversations[(u.Platform, u.Bot, m.ChatId)];
            c.LastMessageUtc = now;
            if (m.From.DisplayName.Length > 0 && c.ClientName != m.From.DisplayName) c.ClientName = m.From.DisplayName;
            return c;
        }

        public ConfirmationRecord? ById(long id, long conversationId) =>
            _byId.TryGetValue(id, out var r) && r.ConversationId == conversationId ? r : null;

        public ConfirmationRecord? Open(long conversationId) => _openByConversation.GetValueOrDefault(conversationId);

        public ConfirmationRecord NewConfirmation(long id, long conversationId, string chatId)
        {
            var r = new ConfirmationRecord { Id = id, ConversationId = conversationId, ChatId = chatId, State = "", ItemsJson = "[]",
                DecisionsJson = "[]" };
            Db.Confirmations.Add(r);
            _byId[id] = r;
            return r;
        }

        public void Remember(ConfirmationRecord r)
        {
            if (OpenStates.Contains(r.State)) _openByConversation[r.ConversationId] = r;
            else if (_openByConversation.GetValueOrDefault(r.ConversationId) == r) _openByConversation[r.ConversationId] = null;
        }
    }
}
