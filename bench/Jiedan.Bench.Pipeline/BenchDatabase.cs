using Jiedan.Common.Storage;
using Jiedan.Deals;
using Jiedan.Deals.Storage;
using Jiedan.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Bench.Pipeline;

/// <summary>The application's own data services on the benchmark's database, migrated exactly as the product does it.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchDatabase(DatabaseTarget target, ServiceProvider services)
    {
        Target = target;
        _services = services;
    }

    public DatabaseTarget Target { get; }
    public PipelineSettings Settings => _services.GetRequiredService<PipelineSettings>();
    public string Kind => Target.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";

    public static async Task<BenchDatabase> OpenAsync(string db, CancellationToken ct)
    {
        var target = DatabaseTarget.Parse(db);
        var configuration = new ConfigurationBuilder().Build();
        var registrations = new ServiceCollection().AddSingleton(target).AddSingleton(TimeProvider.System);
        DealsModule.RegisterData(registrations, target, configuration);
        PipelineModule.RegisterData(registrations, target, configuration);
        var services = registrations.BuildServiceProvider();
        await JiedanDb.MigrateAsync(services, ct);
        return new BenchDatabase(target, services);
    }

    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    public async Task<long> CountDealsAsync(CancellationToken ct)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<DealsDbContext>().Deals.LongCountAsync(ct);
    }

    /// <summary>Refuses to measure on a database that already holds deals: the figures would mean something else.</summary>
    public async Task RequireEmptyAsync(CancellationToken ct)
    {
        var count = await CountDealsAsync(ct);
        if (count > 0) throw new BenchUsageException($"{Target.Describe()} already holds {count:N0} deals: give a fresh database");
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

public sealed class BenchUsageException(string message) : Exception(message);
