using Jiedan.Bot.Services;
using Jiedan.Domain.Bot;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Bot.Storage;

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
        CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var chat = await (
            from c in db.Confirmations
            where c.DealId == dealId
            join v in db.Conversations on c.ConversationId equals v.Id
            orderby c.UpdatedAtUtc descending, c.Id descending
            select new { v.Platform, v.Bot, c.ChatId }).FirstOrDefaultAsync(ct);
        if (chat is null || adapters.Find(chat.Platform, chat.Bot) is not { } adapter) return false;
        if (adapter.Build(new SendText(chat.ChatId, text, buttons) { TextAnswers = textAnswers }) is not { } payload) return false;
        var now = time.GetUtcNow().UtcDateTime;
        db.Outbox.Add(new OutboxRecord
        {
            Platform = chat.Platform, Bot = chat.Bot, Method = payload.Method, Payload = payload.Json, CreatedAtUtc = now,
            NextAttemptAtUtc = now,
        });
        using (await gate.EnterAsync(ct)) await db.SaveChangesAsync(ct);
        signal.Wake();
        return true;
    }
}
