using Jiedan.Data.Quote;
using Jiedan.Data.Storage;
using Jiedan.Web.Deals;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jiedan.Web.Quote;

public static class QuoteServices
{
    /// <summary>
    /// The quote engine: its storage, the use case shared by CLI, API and dashboard, and the deal page's quotes panel.
    /// Relies on the foundation's data services (deals, market rates, clock).
    /// </summary>
    public static IServiceCollection AddQuotes(this IServiceCollection services, DatabaseTarget db, IConfiguration config)
    {
        services.AddJiedanContext<QuotesDbContext>(db);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRepositoryScanner, LocRepositoryScanner>();
        services.TryAddScoped<IMarketRateSource, StoredMarketRates>();
        services.TryAddScoped<IDealLookup, StoredDeals>();
        services.AddSingleton<CalibrationStore>();
        services.AddScoped<QuoteService>();
        services.AddSingleton(new QuoteApiSettings(config["Quotes:RepositoryRoot"] is { Length: > 0 } root
            ? Path.GetFullPath(root) : null));
        services.AddScoped<IDealPanel, QuotesPanel>();
        return services;
    }
}

/// <summary>
/// Config <c>Quotes:RepositoryRoot</c>: the only directory whose subtree a spec's <c>size.repository</c> and
/// <c>tech_debt.golangci_lint</c> may name (relative paths resolve against it). Unset, the API and the dashboard refuse
/// specs that name a repository; the CLI falls back to the current directory.
/// </summary>
public sealed record QuoteApiSettings(string? RepositoryRoot);
