using Jiedan.Bot.Services;
using Jiedan.Bot.Storage;
using Jiedan.Common.Storage;
using Jiedan.Domain.Bot;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Bot.Tests.Storage;

/// <summary>
/// The inbox processor's extension point: a handler gets only what the confirmation flow does not act on (a button that is
/// not a confirmation button, a text bound for the human queue), with the chat's deals; its replies go to the outbox.
/// </summary>
public class ChatMessageHandlerTests
{
    private sealed class Recorder : IChatMessageHandler
    {
        public List<ChatMessageContext> Seen { get; } = [];

        public Task<ChatMessageHandled?> HandleAsync(ChatMessageContext context, CancellationToken ct)
        {
            Seen.Add(context);
            var m = context.Message;
            ChatMessageHandled? handled = m.Text == "收到" || m.ButtonData == "ia:7"
                ? new([SendText.Plain(m.ChatId, "ok " + string.Join(",", context.DealIds))], "handled by test")
                : null;
            return Task.FromResult(handled);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Only_unhandled_messages_are_offered_and_a_claimed_one_skips_the_human_queue(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await BotStore.CreateAsync(provider);
        await using var writer = new InboxWriter(store.Contexts, store.Target, store.Gate, store.Clock);
        var handler = new Recorder();
        var processor = store.Processor(null, handler);
        await writer.StoreTelegramAsync("main", TelegramUpdates.Message(1, 42, TelegramUpdates.Requirement), ct);
        Assert.Equal(1, await processor.ProcessBatchAsync(ct));
        Assert.Empty(handler.Seen);
        await using (var db = await store.Contexts.CreateDbContextAsync(ct))
        {
            (await db.Confirmations.SingleAsync(ct)).DealId = 5;
            await db.SaveChangesAsync(ct);
        }

        await writer.StoreTelegramAsync("main", TelegramUpdates.Press(2, 42, "cf:1:1:c:0"), ct);
        await writer.StoreTelegramAsync("main", TelegramUpdates.Message(3, 42, "收到"), ct);
        await writer.StoreTelegramAsync("main", TelegramUpdates.Press(4, 42, "ia:7"), ct);
        await writer.StoreTelegramAsync("main", TelegramUpdates.Message(5, 42, "你好"), ct);
        Assert.Equal(4, await processor.ProcessBatchAsync(ct));

        Assert.Equal(["收到", null, "你好"], handler.Seen.Select(c => c.Message.Text));
        Assert.All(handler.Seen, c => Assert.Equal([5L], c.DealIds));
        await using var check = await store.Contexts.CreateDbContextAsync(ct);
        Assert.Equal("Confirmed", (await check.Confirmations.SingleAsync(ct)).State);
        Assert.Equal("你好", (await check.HumanQueue.SingleAsync(ct)).Text);
        var outcomes = await check.InboundUpdates.OrderBy(u => u.Id).Select(u => u.Outcome).ToListAsync(ct);
        Assert.Equal(["handled by test", "handled by test"], outcomes.Skip(2).Take(2));
        Assert.Equal(2, await check.Outbox.CountAsync(o => o.Payload.Contains("ok 5"), ct));
    }
}
