using System.Text.Json;
using Jiedan.Bot.Storage;
using Jiedan.Common.Storage;
using Jiedan.Domain.Bot;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Bot.Tests.Storage;

public class InboxTests
{
    private static async Task<BotStore> Store(DatabaseProvider provider)
    {
        return await BotStore.CreateAsync(provider);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Concurrent_and_repeated_updates_are_stored_exactly_once(DatabaseProvider provider)
    {
        await using var store = await Store(provider);
        await using var writer = new InboxWriter(store.Contexts, store.Target, store.Gate, store.Clock);
        // 1,500 deliveries of 1,000 distinct updates, in parallel: the repeats must change nothing.
        var ids = Enumerable.Range(1, 1000).Concat(Enumerable.Range(200, 500)).ToArray();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (id, ct) =>
            await writer.StoreTelegramAsync("main", TelegramUpdates.Message(id, 1, "hi"), ct));
        await using var db = await store.Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1000, await db.InboundUpdates.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1000, await db.InboundUpdates.Select(u => u.UpdateKey).Distinct().CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_requirement_becomes_a_confirmation_with_one_reply_and_a_repeat_changes_nothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await Store(provider);
        await using var writer = new InboxWriter(store.Contexts, store.Target, store.Gate, store.Clock);
        var processor = store.Processor();
        const string requirement = "需求：\n1. 登录接口，验收：返回 JWT\n2. 订单接口\n预算 2 万元，截止 2026-12-20";
        await writer.StoreTelegramAsync("main", TelegramUpdates.Message(1, 42, requirement), ct);
        await writer.StoreTelegramAsync("main", TelegramUpdates.Message(2, 43, "你好"), ct);
        Assert.Equal(2, await processor.ProcessBatchAsync(ct));
        await writer.StoreTelegramAsync("main", TelegramUpdates.Message(1, 42, requirement), ct);
        Assert.Equal(0, await processor.ProcessBatchAsync(ct));

        await using (var db = await store.Contexts.CreateDbContextAsync(ct))
        {
            var c = await db.Confirmations.SingleAsync(ct);
            Assert.Equal((1L, 1, "Sent", 20_000m, "CNY", new DateOnly(2026, 12, 20)),
                (c.Id, c.Version, c.State, c.BudgetAmount, c.BudgetCurrency, c.Deadline));
            Assert.Equal(["Draft", "Sent"], await db.Transitions.OrderBy(t => t.Id).Select(t => t.ToState).ToListAsync(ct));
            var reply = await db.Outbox.SingleAsync(ct);
            Assert.Equal(("sendMessage", 1L), (reply.Method, reply.InboundUpdateId));
            Assert.Contains("inline_keyboard", reply.Payload);
            var queued = await db.HumanQueue.SingleAsync(ct);
            Assert.Equal("你好", queued.Text);
            Assert.Equal(2, await db.Conversations.CountAsync(ct));
        }

        // The client confirms item 1, then the whole, then presses the v1 button again (redelivered as a new update).
        await writer.StoreTelegramAsync("main", TelegramUpdates.Press(3, 42, "cf:1:1:c:1"), ct);
        await writer.StoreTelegramAsync("main", TelegramUpdates.Press(4, 42, "cf:1:1:c:0"), ct);
        await writer.StoreTelegramAsync("main", TelegramUpdates.Press(5, 42, "cf:1:1:a:2"), ct);
        await writer.StoreTelegramAsync("main", TelegramUpdates.Press(4, 42, "cf:1:1:c:0"), ct);
        Assert.Equal(3, await processor.ProcessBatchAsync(ct));

        await using (var db = await store.Contexts.CreateDbContextAsync(ct))
        {
            var c = await db.Confirmations.SingleAsync(ct);
            Assert.Equal("Confirmed", c.State);
            var log = await db.Transitions.OrderBy(t => t.Id).ToListAsync(ct);
            Assert.Equal(["draft", "send", "confirm item 1", "confirm all"], log.Select(t => t.Action));
            Assert.Contains("2. 订单接口 ✅", log[^1].Snapshot);
            Assert.Equal("telegram:42 Client", log[^1].Actor);
            var methods = await db.Outbox.OrderBy(o => o.Id).Select(o => o.Method).ToListAsync(ct);
            // two presses answered and the message edited each time; the late press is only answered
            Assert.Equal(["sendMessage", "answerCallbackQuery", "editMessageText", "answerCallbackQuery", "editMessageText",
                "answerCallbackQuery"], methods);
            Assert.All(await db.InboundUpdates.ToListAsync(ct), u => Assert.NotNull(u.ProcessedAtUtc));
        }
    }

    [Fact]
    public async Task Unknown_bots_and_unreadable_bodies_are_marked_not_retried()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await Store(DatabaseProvider.Sqlite);
        await using var writer = new InboxWriter(store.Contexts, store.Target, store.Gate, store.Clock);
        await writer.StoreTelegramAsync("other", TelegramUpdates.Message(1, 42, "hi"), ct);
        await using var db = await store.Contexts.CreateDbContextAsync(ct);
        // A row stored before updates were read on arrival (no kind, no message) is read from its body, once.
        db.InboundUpdates.Add(new InboundUpdateRecord
        {
            Platform = "telegram", Bot = "main", UpdateKey = "2", Body = "{\"update_id\": 2, \"message\": 5}",
            ReceivedAtUtc = store.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        Assert.Equal(2, await store.Processor().ProcessBatchAsync(ct));
        var outcomes = await db.InboundUpdates.AsNoTracking().OrderBy(u => u.Id).Select(u => u.Outcome).ToListAsync(ct);
        Assert.Equal("no such bot configured", outcomes[0]);
        Assert.StartsWith("unreadable: update 2", outcomes[1]);
    }

    [Fact]
    public async Task The_processor_acts_on_the_update_read_on_arrival_not_on_its_body()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await Store(DatabaseProvider.Sqlite);
        await using var writer = new InboxWriter(store.Contexts, store.Target, store.Gate, store.Clock);
        await writer.StoreTelegramAsync("main", TelegramUpdates.Message(7, 42, "你好"), ct);
        await writer.StoreTelegramAsync("main", TelegramUpdates.Press(8, 42, "cf:1:1:c:0"), ct);
        await writer.StoreTelegramAsync("main", "{\"update_id\": 9, \"edited_message\": {}}", ct);
        await using var db = await store.Contexts.CreateDbContextAsync(ct);
        var stored = await db.InboundUpdates.OrderBy(u => u.Id).ToListAsync(ct);
        Assert.Equal(["Text", "ButtonPress", "Other"], stored.Select(u => u.Kind));
        Assert.Equal("42", JsonDocument.Parse(stored[0].Message!).RootElement.GetProperty("chatId").GetString());
        // Were the body read again, every update would now be unreadable.
        foreach (var u in stored) u.Body = "not json";
        await db.SaveChangesAsync(ct);

        Assert.Equal(3, await store.Processor().ProcessBatchAsync(ct));
        var outcomes = await db.InboundUpdates.AsNoTracking().OrderBy(u => u.Id).Select(u => u.Outcome).ToListAsync(ct);
        Assert.Equal("human queue", outcomes[0]);
        Assert.DoesNotContain(outcomes, o => o!.StartsWith("unreadable", StringComparison.Ordinal));
        Assert.Equal("ignored", outcomes[2]);
    }
}
