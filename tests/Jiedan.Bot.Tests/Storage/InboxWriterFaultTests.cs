using Jiedan.Bot.Storage;
using Jiedan.Common.Storage;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Bot.Tests.Storage;

public class InboxWriterFaultTests
{
    /// <summary>Hands out contexts, but throws the given exception (of any type) while <see cref="Failing"/> is set.</summary>
    private sealed class FlakyContexts(IDbContextFactory<BotDbContext> inner, Func<Exception> fault) : IDbContextFactory<BotDbContext>
    {
        public volatile bool Failing;
        public BotDbContext CreateDbContext() => Failing ? throw fault() : inner.CreateDbContext();
    }

    public static TheoryData<string> Faults => ["InvalidCastException", "TimeoutException", "OperationCanceledException"];

    private static Exception Fault(string name) => name switch
    {
        "InvalidCastException" => new InvalidCastException("surprise"),
        "TimeoutException" => new TimeoutException("the database took too long"),
        _ => new OperationCanceledException("a timeout that looks like cancellation"),
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task StoreAsync_AfterAFaultOfAnyType_FailsThatBatchAndTheWriterCarriesOn(string fault)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await BotStore.CreateAsync(DatabaseProvider.Sqlite);
        var contexts = new FlakyContexts(store.Contexts, () => Fault(fault)) { Failing = true };
        await using var writer = new InboxWriter(contexts, store.Target, store.Gate, store.Clock,
            options: new InboxWriterOptions { MaxBackoff = TimeSpan.FromMilliseconds(100) });

        await Assert.ThrowsAsync<InboxUnavailableException>(() => writer.StoreTelegramAsync("main", TelegramUpdates.Message(1, 1, "a"), ct)
            .WaitAsync(TimeSpan.FromSeconds(10), ct));
        contexts.Failing = false;

        var stored = 0;
        for (var attempt = 0; stored == 0 && attempt < 100; attempt++)
        {
            try
            {
                await writer.StoreTelegramAsync("main", TelegramUpdates.Message(2, 1, "b"), ct).WaitAsync(TimeSpan.FromSeconds(10), ct);
                stored++;
            }
            catch (InboxUnavailableException)
            {
                await Task.Delay(50, ct); // still backing off: the platform would deliver again
            }
        }
        await using var db = await store.Contexts.CreateDbContextAsync(ct);
        Assert.Equal(["2"], await db.InboundUpdates.Select(u => u.UpdateKey).ToListAsync(ct));
        Assert.Equal(1, stored);
    }
}
