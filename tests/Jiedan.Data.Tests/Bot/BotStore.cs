using Jiedan.Data.Bot;
using Jiedan.Data.Storage;
using Jiedan.Domain.Bot;
using Jiedan.Domain.Bot.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Jiedan.Data.Tests.Bot;

/// <summary>
/// A migrated bot database for one test: a temporary SQLite file, or a uniquely named database on the
/// PostgreSQL server in <c>JIEDAN_TEST_PG</c> (those tests are skipped when it is not set).
/// </summary>
public sealed class BotStore : IAsyncDisposable
{
    public const string PgVariable = "JIEDAN_TEST_PG";
    private readonly ServiceProvider services;
    private readonly Func<Task> cleanup;

    public DatabaseTarget Target { get; }
    public IDbContextFactory<BotDbContext> Contexts => services.GetRequiredService<IDbContextFactory<BotDbContext>>();
    public BotWriteGate Gate => gate ??= new BotWriteGate(Target);
    private BotWriteGate? gate;
    public FakeClock Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    private BotStore(DatabaseTarget target, Func<Task> cleanup)
    {
        Target = target;
        this.cleanup = cleanup;
        var s = new ServiceCollection();
        s.AddJiedanContext<BotDbContext>(target);
        services = s.BuildServiceProvider();
    }

    public static string? PgAdmin => Environment.GetEnvironmentVariable(PgVariable);

    public static async Task<BotStore> CreateAsync(DatabaseProvider provider)
    {
        BotStore store;
        if (provider == DatabaseProvider.Sqlite)
        {
            var dir = Directory.CreateTempSubdirectory("jiedan-bot-");
            store = new BotStore(DatabaseTarget.Parse(Path.Combine(dir.FullName, "bot.db")), () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                dir.Delete(recursive: true);
                return Task.CompletedTask;
            });
        }
        else
        {
            var admin = PgAdmin ?? throw new InvalidOperationException($"{PgVariable} is not set");
            var name = "jiedan_bot_" + Guid.NewGuid().ToString("N")[..12];
            await using (var c = new NpgsqlConnection(admin))
            {
                await c.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
                await cmd.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            store = new BotStore(DatabaseTarget.Parse(cs), async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await using var c = new NpgsqlConnection(admin);
                await c.OpenAsync();
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", c);
                await cmd.ExecuteNonQueryAsync();
            });
        }
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
        await cleanup();
    }

    private sealed class Catalog : IBotAdapterCatalog
    {
        private readonly TelegramAdapter telegram = new();
        public IBotAdapter? Find(string platform, string bot) => platform == TelegramAdapter.Name && bot == "main" ? telegram : null;
    }
}

public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;
    public override DateTimeOffset GetUtcNow() => now;
    public void Advance(TimeSpan by) => now += by;
}
