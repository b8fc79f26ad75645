using System.Net;
using Jiedan.Common.Storage;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Bot.Tests.Web;

public class TwoInstanceTests
{
    [Fact]
    public async Task Two_instances_on_one_postgresql_share_inbox_and_outbox_without_duplicate_replies()
    {
        await using var api = await TelegramStandIn.StartAsync();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var a = await BotTestHost.StartAsync(db.Target, BotTestHost.TelegramSettings(api.BaseUrl));
        await using var b = await BotTestHost.StartAsync(db.Target, BotTestHost.TelegramSettings(api.BaseUrl));
        const int count = 300;
        // Every update goes to both instances (a platform retrying through a load balancer); each starts a confirmation.
        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var json = TelegramUpdates.Message(i, 10_000 + i, TelegramUpdates.Requirement);
            Assert.Equal(HttpStatusCode.OK, (await a.PostTelegramAsync(json)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await b.PostTelegramAsync(json)).StatusCode);
        });
        await Eventually.HoldsAsync(() => api.Succeeded("sendMessage").Count >= count, $"{count} confirmations sent", 60_000);
        await Task.Delay(1500, TestContext.Current.CancellationToken); // both senders polled again: a duplicate would show by now

        var chats = api.Succeeded("sendMessage").Select(c => c.Body["chat_id"]!.GetValue<long>()).ToList();
        Assert.Equal(count, chats.Count);
        Assert.Equal(count, chats.Distinct().Count());
        Assert.Equal(count, await a.WithDbAsync(d => d.InboundUpdates.CountAsync()));
        Assert.Equal(count, await a.WithDbAsync(d => d.Confirmations.CountAsync()));
        var senders = await a.WithDbAsync(d => d.Outbox.Select(o => o.SentBy).Distinct().CountAsync());
        Assert.True(senders >= 1);
    }
}
