using Jiedan.Bot.Services;
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
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;

    public DatabaseTarget Target => _database.Target;
    public IDbContextFactory<BotDbContext> Contexts => _services.GetRequiredService<IDbContextFactory<BotDbContext>>();
    public BotWriteGate Gate => _gate ??= new BotWriteGate(Target);
    private BotWriteGate? _gate;
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    private BotStore(TestDatabase database)
    {
        _database = database;
        var s = new ServiceCollection();
        s.AddJiedanContext<BotDbContext>(database.Target);
        _services = s.BuildServiceProvider();
    }

    public static async Task<BotStore> CreateAsync(DatabaseProvider provider)
    {
        var store = new BotStore(await TestDatabase.CreateAsync(provider));
        await using var db = await store.Contexts.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        return store;
    }

    public InboxProcessor Processor(BotOptions? options = null, params IChatMessageHandler[] handlers) =>
        new(Contexts, Target, new Catalog(), options ?? new BotOptions(), Gate, Clock, handlers);

    public OutboxStore Outbox() => new(Contexts, Target, Gate, Clock);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private sealed class Catalog : IBotAdapterCatalog
    {
        private readonly TelegramAdapter _telegram = new();
        public IBotAdapter? Find(string platform, string bot) => platform == TelegramAdapter.Name && bot == "main" ? _telegram : null;
    }
}
