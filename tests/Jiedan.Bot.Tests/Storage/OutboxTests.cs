using Jiedan.Bot.Storage;
using Jiedan.Common.Storage;

namespace Jiedan.Bot.Tests.Storage;

public class OutboxTests
{
    private static async Task<BotStore> StoreWithRows(DatabaseProvider provider, int rows)
    {
        var store = await BotStore.CreateAsync(provider);
        await using var db = await store.Contexts.CreateDbContextAsync();
        var now = store.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < rows; i++)
            db.Outbox.Add(new OutboxRecord { Platform = "telegram", Bot = "main", Method = "sendMessage", Payload = "{}",
                CreatedAtUtc = now, NextAttemptAtUtc = now });
        await db.SaveChangesAsync();
        return store;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Concurrent_claimers_never_get_the_same_row(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await StoreWithRows(provider, 400);
        var outbox = store.Outbox();
        var claimed = new System.Collections.Concurrent.ConcurrentBag<long>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 4), ct, async (n, token) =>
        {
            while (await outbox.ClaimAsync("instance-" + n, 25, TimeSpan.FromMinutes(1), token) is { Count: > 0 } items)
                foreach (var item in items)
                {
                    claimed.Add(item.Id);
                    Assert.True(await outbox.MarkSentAsync("instance-" + n, item.Id, token));
                }
        });
        Assert.Equal(400, claimed.Count);
        Assert.Equal(400, claimed.Distinct().Count());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_lapsed_lease_moves_the_row_and_the_old_owner_cannot_settle_it(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await StoreWithRows(provider, 1);
        var outbox = store.Outbox();
        var first = Assert.Single(await outbox.ClaimAsync("a", 10, TimeSpan.FromSeconds(30), ct));
        Assert.Empty(await outbox.ClaimAsync("b", 10, TimeSpan.FromSeconds(30), ct));
        store.Clock.Advance(TimeSpan.FromSeconds(31));
        var second = Assert.Single(await outbox.ClaimAsync("b", 10, TimeSpan.FromSeconds(30), ct));
        Assert.Equal(first.Id, second.Id);
        Assert.False(await outbox.MarkSentAsync("a", first.Id, ct));
        Assert.True(await outbox.MarkSentAsync("b", first.Id, ct));
        store.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(await outbox.ClaimAsync("c", 10, TimeSpan.FromSeconds(30), ct));
    }

    [Fact]
    public async Task A_retry_waits_for_its_time_and_counts_attempts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await StoreWithRows(DatabaseProvider.Sqlite, 1);
        var outbox = store.Outbox();
        var item = Assert.Single(await outbox.ClaimAsync("a", 10, TimeSpan.FromSeconds(30), ct));
        var next = store.Clock.GetUtcNow().UtcDateTime.AddSeconds(7);
        Assert.True(await outbox.MarkRetryAsync("a", item.Id, "429 retry after 7 s", next, ct));
        store.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Empty(await outbox.ClaimAsync("a", 10, TimeSpan.FromSeconds(30), ct));
        store.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, Assert.Single(await outbox.ClaimAsync("a", 10, TimeSpan.FromSeconds(30), ct)).Attempts);
    }
}
