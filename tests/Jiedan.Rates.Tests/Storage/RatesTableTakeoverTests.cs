using Jiedan.Common.Storage;
using Jiedan.Deals;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Currencies;
using Jiedan.Domain.Deals;
using Jiedan.Domain.Rates;
using Jiedan.Rates.Storage;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Rates.Tests.Storage;

/// <summary>
/// The market-rate table moved from the deals context to the rates module's own: a database made before the move keeps
/// its edited rates, and a new one gets the table once.
/// </summary>
public class RatesTableTakeoverTests
{
    // The deals context's last migration while it still owned market_rates.
    private const string DealsBeforeTheMove = "ReportIndexes";

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Rates_edited_before_the_move_survive_migration(TestDatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = Services(database.Target);
        await using (var scope = services.CreateAsyncScope())
        {
            var deals = scope.ServiceProvider.GetRequiredService<DealsDbContext>();
            await deals.GetService<IMigrator>().MigrateAsync(DealsBeforeTheMove);
            var edited = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
            await deals.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO market_rates ("Platform", "Band", "Currency", "High", "Low", "UpdatedAt")
                VALUES ('Toptal', 'Senior', 'USD', {180m}, {120m}, {edited})
                """);
        }

        await JiedanDb.MigrateAsync(services);

        await using var after = services.CreateAsyncScope();
        var table = await after.ServiceProvider.GetRequiredService<MarketRateStore>().LoadAsync(default);
        var rate = table.Find(Platform.Toptal, SeniorityBand.Senior)!;
        Assert.Equal((120m, 180m, Currency.Usd), (rate.Low.Amount, rate.High.Amount, rate.Low.Currency));
        Assert.Single(table.All);
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_new_database_gets_the_table_from_the_rates_context(TestDatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var services = Services(database.Target);
        await JiedanDb.MigrateAsync(services);

        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<MarketRateStore>();
        await store.SaveAsync(MarketRate.Create(Platform.Upwork, SeniorityBand.Mid, 40m, 70m, Currency.Usd), default);
        var table = await store.LoadAsync(default);
        var mid = table.Find(Platform.Upwork, SeniorityBand.Mid)!;
        Assert.Equal((40m, 70m), (mid.Low.Amount, mid.High.Amount));
        Assert.Equal(MarketRateTable.SeedDefaults.All.Count, table.All.Count);
        var rates = scope.ServiceProvider.GetRequiredService<RatesDbContext>();
        Assert.Empty(await rates.Database.GetPendingMigrationsAsync());
    }

    private static ServiceProvider Services(DatabaseTarget target)
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddSingleton(target).AddSingleton(TimeProvider.System);
        DealsModule.RegisterData(services, target, configuration);
        RatesModule.RegisterData(services, target, configuration);
        return services.BuildServiceProvider();
    }
}
