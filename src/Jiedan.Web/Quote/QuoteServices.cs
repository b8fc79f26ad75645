using Jiedan.Data.Quote;
using Jiedan.Data.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jiedan.Web.Quote;

public static class QuoteServices
{
    /// <summary>Registers the quote engine's storage and services (used by the web host and the CLI alike).</summary>
    public static IServiceCollection AddQuotes(this IServiceCollection services, DatabaseTarget db, IConfiguration config)
    {
        services.AddJiedanContext<QuotesDbContext>(db);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRepositoryScanner, LocRepositoryScanner>();
        services.TryAddSingleton<IMarketRateSource, SeedMarketRates>();
        services.TryAddSingleton<IDealLookup, NoDealsYet>();
        services.AddSingleton<CalibrationStore>();
        services.AddSingleton<QuoteService>();
        return services;
    }
}

/// <summary>Placeholder until the deals store is linked in: no deal can be found.</summary>
internal sealed class NoDealsYet : IDealLookup
{
    public Task<bool> ExistsAsync(long dealId, CancellationToken ct) => Task.FromResult(false);
}
