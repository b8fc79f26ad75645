using Jiedan.Bot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Bot.Services;

/// <summary>What the dashboard pages read and change: human queue, conversations, confirmations and their logs.</summary>
public sealed class BotDashboard(BotDbContext db, TimeProvider time)
{
    public sealed record QueueRow(HumanQueueRecord Item, ConversationRecord Conversation);
    public sealed record ConversationRow(ConversationRecord Conversation, int Updates, int Confirmations, int Waiting);
    public sealed record ConfirmationRow(ConfirmationRecord Confirmation, ConversationRecord Conversation);
    public sealed record ConfirmationDetail(ConfirmationRecord Confirmation, ConversationRecord Conversation,
        IReadOnlyList<ConfirmationTransitionRecord> Log);

    public async Task<IReadOnlyList<QueueRow>> HumanQueueAsync(bool includeHandled, CancellationToken ct) =>
        await (from q in db.HumanQueue
               join c in db.Conversations on q.ConversationId equals c.Id
               where includeHandled || q.HandledAtUtc == null
               orderby q.Id descending
               select new QueueRow(q, c)).Take(500).ToListAsync(ct);

    public async Task<bool> MarkHandledAsync(long id, string by, CancellationToken ct)
    {
        var item = await db.HumanQueue.FirstOrDefaultAsync(q => q.Id == id, ct);
        if (item is null || item.HandledAtUtc is not null) return false;
        item.HandledAtUtc = time.GetUtcNow().UtcDateTime;
        item.HandledBy = by;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<ConversationRow>> ConversationsAsync(CancellationToken ct)
    {
        var conversations = await db.Conversations.OrderByDescending(c => c.LastMessageUtc).Take(500).ToListAsync(ct);
        var ids = conversations.Select(c => c.Id).ToList();
        var confirmations = await db.Confirmations.Where(c => ids.Contains(c.ConversationId))
            .GroupBy(c => c.ConversationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var waiting = await db.HumanQueue.Where(q => ids.Contains(q.ConversationId) && q.HandledAtUtc == null)
            .GroupBy(q => q.ConversationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var queued = await db.HumanQueue.Where(q => ids.Contains(q.ConversationId))
            .GroupBy(q => q.ConversationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. conversations.Select(c => new ConversationRow(c,
            queued.GetValueOrDefault(c.Id) + confirmations.GetValueOrDefault(c.Id), confirmations.GetValueOrDefault(c.Id),
                waiting.GetValueOrDefault(c.Id)))];
    }

    public async Task<IReadOnlyList<ConfirmationRow>> ConfirmationsAsync(long? conversationId, CancellationToken ct) =>
        await (from f in db.Confirmations
               join c in db.Conversations on f.ConversationId equals c.Id
               where conversationId == null || f.ConversationId == conversationId
               orderby f.Id descending
               select new ConfirmationRow(f, c)).Take(500).ToListAsync(ct);

    public async Task<ConfirmationDetail?> ConfirmationAsync(long id, CancellationToken ct)
    {
        var f = await db.Confirmations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null) return null;
        var conversation = await db.Conversations.FirstAsync(c => c.Id == f.ConversationId, ct);
        var log = await db.Transitions.Where(t => t.ConfirmationId == id).OrderBy(t => t.Id).ToListAsync(ct);
        return new ConfirmationDetail(f, conversation, log);
    }

    /// <summary>Links a confirmation to a deal (or unlinks it with null); the caller checks the deal exists.</summary>
    public async Task<bool> LinkDealAsync(long confirmationId, long? dealId, CancellationToken ct)
    {
        var f = await db.Confirmations.FirstOrDefaultAsync(x => x.Id == confirmationId, ct);
        if (f is null) return false;
        f.DealId = dealId;
        f.Revision++;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<(int Pending, int Sent, int Failed)> OutboxCountsAsync(CancellationToken ct) =>
        (await db.Outbox.CountAsync(o => o.SentAtUtc == null && o.FailedAtUtc == null, ct),
         await db.Outbox.CountAsync(o => o.SentAtUtc != null, ct),
         await db.Outbox.CountAsync(o => o.FailedAtUtc != null, ct));
}
