using Jiedan.Common.Storage;
using Jiedan.Deals;
using Jiedan.Pipeline;
using Jiedan.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Deals.Tests.Storage;

/// <summary>A migrated database of the given kind with the data services over it.</summary>
public sealed class DealsDatabase : IAsyncDisposable
{
    private readonly TestDatabase _database;
    public ServiceProvider Services { get; }

    private DealsDatabase(TestDatabase database, ServiceProvider services) { _database = database; Services = services; }

    public static async Task<DealsDatabase> CreateAsync(TestDatabaseKind kind, TimeProvider? clock = null)
    {
        var database = await TestDatabase.CreateAsync(kind);
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(database.Target).AddSingleton(TimeProvider.System);
        DealsModule.RegisterData(services, database.Target, configuration);
        PipelineModule.RegisterData(services, database.Target, configuration);
        if (clock is not null) services.AddSingleton(clock);
        var provider = services.BuildServiceProvider();
        await JiedanDb.MigrateAsync(provider);
        return new DealsDatabase(database, provider);
    }

    public T Get<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
