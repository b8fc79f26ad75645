using System.CommandLine;
using Jiedan.Common.Modules;
using Jiedan.Common.Storage;
using Jiedan.Deals.Pages;
using Jiedan.Quote.Api;
using Jiedan.Quote.Cli;
using Jiedan.Quote.Demo;
using Jiedan.Quote.Services;
using Jiedan.Quote.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jiedan.Quote;

/// <summary>
/// Quotes from measured size, function points and SLA: the use case shared by CLI, API and dashboard, calibration, the
/// deal page's quotes panel. Reads deals and market rates: register with their modules' data.
/// </summary>
public sealed class QuoteModule : IJiedanModule
{
    public static void RegisterData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration)
    {
        services.AddJiedanContext<QuotesDbContext>(target);
        services.TryAddSingleton<IRepositoryScanner, LocRepositoryScanner>();
        services.TryAddScoped<IMarketRateSource, StoredMarketRates>();
        services.TryAddScoped<IDealLookup, StoredDeals>();
        services.AddSingleton<CalibrationStore>();
        services.AddScoped<QuoteService>();
        services.AddSingleton(new QuoteApiSettings(configuration["Quotes:RepositoryRoot"] is { Length: > 0 } root
            ? Path.GetFullPath(root) : null));
    }

    public void AddData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration) =>
        RegisterData(services, target, configuration);

    public Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        ActivatorUtilities.CreateInstance<QuoteDemoSeeder>(services).SeedAsync(ct);

    public Task<int> RemoveDemoAsync(IServiceProvider services, IReadOnlyCollection<long> demoDealIds, CancellationToken ct) =>
        ActivatorUtilities.CreateInstance<QuoteDemoSeeder>(services).RemoveAsync(demoDealIds, ct);

    public void AddWeb(IServiceCollection services, IConfiguration configuration) => services.AddScoped<IDealPanel, QuotesPanel>();

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api) => api.MapQuotesApiV1();

    public IEnumerable<Command> Commands() => [QuoteCommands.Create()];

    public IEnumerable<NavigationItem> Navigation => [new("nav.quote", "/quote")];
}
