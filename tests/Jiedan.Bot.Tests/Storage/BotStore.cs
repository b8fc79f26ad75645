using Jiedan.Bot.Storage;
using Jiedan.Common.Storage;
using Jiedan.Domain.Bot;
using Jiedan.Domain.Bot.Telegram;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jiedan.Bot.Tests.Storage;

/// <summary>A migrated bot database for one test (a <see cref="TestDatabase"/>) with a fixed clock.</summary>
public sealed class BotStore : IAsyncDisposable
{
    private readonly TestDatabase database;
    private readonly ServiceProvider services;

    public DatabaseTarget Target => database.Target;
    public IDbContextFactory<BotDbContext> Contexts => services.GetRequiredService<IDbContextFactory<BotDbContext>>();
    public BotWriteGate Gate => gate ??= new BotWriteGate(Target);
    private BotWriteGate? gate;
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    private BotStore(TestDatabase database)
    {
        this.database = database;
        var s = new ServiceCollection();
        s.AddJiedanContext<BotDbContext>(database.Target);
        services = s.BuildServiceProvider();
    }

    public static async Task<BotStore> CreateAsync(DatabaseProvider provider)
    {
        var store = new BotStore(await TestDatabase.CreateAsync(provider));
        await using var db = await store.Contexts.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        return store;
    }

    public InboxProcessor Processor(BotOptions? options = null) =>
        new(Contexts, Target, new Catalog(), options ?? new BotOptions(), Gate, Clock);

    public OutboxStore Outbox() => new(Contexts, Target, Gate, Clock);

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    private sealed class Catalog : IBotAdapterCatalog
    {
        private readonly TelegramAdapter telegram = new();
        public IBotAdapter? Find(string platform, string bot) => platform == TelegramAdapter.Name && bot == "main" ? telegram : null;
    }
}
