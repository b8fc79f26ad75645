using Jiedan.Common.Modules;
using Jiedan.Common.Storage;
using Jiedan.Rates.Api;
using Jiedan.Rates.Storage;

namespace Jiedan.Rates;

/// <summary>Market rates per platform and seniority: the table quotes price from, its page and API.</summary>
public sealed class RatesModule : IJiedanModule
{
    public static void RegisterData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration)
    {
        services.AddJiedanContext<RatesDbContext>(target);
        services.AddScoped<MarketRateStore>();
    }

    public void AddData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration) =>
        RegisterData(services, target, configuration);

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api) => api.MapRatesApiV1();

    public IEnumerable<NavigationItem> Navigation => [new("nav.rates", "/rates")];
}
