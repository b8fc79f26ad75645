using Jiedan.Common.Storage;
using Jiedan.Credibility.Conversion;
using Jiedan.Deals;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Deals;
using Jiedan.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jiedan.Credibility.Tests.Conversion;

/// <summary>A migrated database (SQLite or PostgreSQL) with the deal and conversion stores on one fake clock.</summary>
public sealed class ConversionDatabase : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero));
    public DatabaseTarget Target => _database.Target;
    public string Argument => _database.Argument;

    private ConversionDatabase(TestDatabase database)
    {
        _database = database;
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(database.Target);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddLogging();
        DealsModule.RegisterData(services, database.Target, configuration);
        CredibilityModule.RegisterData(services, database.Target, configuration);
        _services = services.BuildServiceProvider();
    }

    public static async Task<ConversionDatabase> CreateAsync(TestDatabaseKind kind)
    {
        var db = new ConversionDatabase(await TestDatabase.CreateAsync(kind));
        await JiedanDb.MigrateAsync(db._services);
        return db;
    }

    /// <summary>A fresh scope's service (each call its own DbContext, as each request or command has).</summary>
    public T Get<T>() where T : notnull => _services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public ConversionService Service => Get<ConversionService>();

    public async Task<long> NewDealAsync(string client = "Acme 客户")
    {
        var created = await Get<DealStore>().CreateAsync(new DealDraft(client, Platform.Upwork), null, Clock.GetUtcNow(), "test", default);
        return Assert.IsType<MoveResult.Moved>(created).Deal.Id;
    }

    public async Task MoveAsync(long dealId, string stage, string? reason = null) =>
        Assert.IsType<MoveResult.Moved>(await Get<DealStore>().MoveAsync(dealId, null, stage, Clock.GetUtcNow(), "test", reason, default));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
