using Jiedan.Bot.Services;
using Jiedan.Domain.Bot;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Bot.Storage;

/// <summary>A plain message for a deal's client, with optional buttons and the text answers shown where buttons are not.</summary>
public sealed record ChatPost(long DealId, string Text, IReadOnlyList<IReadOnlyList<ReplyButton>> Buttons, string? TextAnswers);

/// <summary>
/// How another module posts a plain message to a deal's client: an outbox row (sent by the one outbox sender) for the chat
/// of that deal's latest confirmation, through the bot that chat runs on. Used by the incident knowledge base.
/// </summary>
public sealed class DealChatOutbox(
    IDbContextFactory<BotDbContext> contexts, IBotAdapterCatalog adapters, BotWriteGate gate, OutboxSignal signal, TimeProvider time)
{
    /// <summary>Queues <paramref name="text"/>; false (nothing queued) when the deal has no chat or its bot is not configured.</summary>
    public Task<bool> EnqueueAsync(long dealId, string text, CancellationToken ct) => EnqueueAsync(dealId, text, [], null, ct);

    /// <summary>
    /// Queues <paramref name="text"/> with <paramref name="buttons"/> (their data comes back to an
    /// <see cref="IChatMessageHandler"/>); platforms without buttons show <paramref name="textAnswers"/> instead.
    /// </summary>
    public async Task<bool> EnqueueAsync(long dealId, string text, IReadOnlyList<IReadOnlyList<ReplyButton>> buttons, string? textAnswers,
        CancellationToken ct) => (await EnqueueAsync([new ChatPost(dealId, text, buttons, textAnswers)], ct))[0];

    /// <summary>
    /// Queues every post in one transaction (a burst of alerts is one commit, not one per message); for each post, whether
    /// it was queued (false when its deal has no chat or the chat's bot is not configured).
    /// </summary>
    public async Task<bool[]> EnqueueAsync(IReadOnlyList<ChatPost> posts, CancellationToken ct)
    {
        var queued = new bool[posts.Count];
        if (posts.Count == 0) return queued;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var chats = new Dictionary<long, (string Platform, string Bot, string ChatId)?>();
        foreach (var dealId in posts.Select(p => p.DealId).Distinct()) chats[dealId] = await LatestChatAsync(db, dealId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        for (var i = 0; i < posts.Count; i++)
        {
            var post = posts[i];
            if (chats[post.DealId] is not { } chat || adapters.Find(chat.Platform, chat.Bot) is not { } adapter) continue;
            var send = new SendText(chat.ChatId, post.Text, post.Buttons) { TextAnswers = post.TextAnswers };
            if (adapter.Build(send) is not { } payload) continue;
            db.Outbox.Add(new OutboxRecord
            {
                Platform = chat.Platform, Bot = chat.Bot, Method = payload.Method, Payload = payload.Json, CreatedAtUtc = now,
                NextAttemptAtUtc = now,
            });
            queued[i] = true;
        }
        if (!queued.Any(q => q)) return queued;
        using (await gate.EnterAsync(ct)) await db.SaveChangesAsync(ct);
        signal.Wake();
        return queued;
    }

    private static async Task<(string Platform, string Bot, string ChatId)?> LatestChatAsync(
        BotDbContext db, long dealId, CancellationToken ct)
    {
        var chat = await (
            from c in db.Confirmations
            where c.DealId == dealId
            join v in db.Conversations on c.ConversationId equals v.Id
            orderby c.UpdatedAtUtc descending, c.Id descending
            select new { v.Platform, v.Bot, c.ChatId }).FirstOrDefaultAsync(ct);
        return chat is null ? null : (chat.Platform, chat.Bot, chat.ChatId);
    }
}
