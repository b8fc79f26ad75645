using Jiedan.Data.Storage;
using Jiedan.Web.Bot;
using Jiedan.Web.Deals;
using Jiedan.Web.Gate;
using Jiedan.Web.Pipeline;
using Jiedan.Web.Quote;
using Jiedan.Web.Rates;

namespace Jiedan.Web.Host;

/// <summary>Where each capability plugs into the host: one line for its services, one for its endpoints.</summary>
public static class Capabilities
{
    public static void AddServices(IServiceCollection services, DatabaseTarget db, IConfiguration config)
    {
        services.AddDeals();
        services.AddBot(db, config);
        services.AddGate(db);
        services.AddQuotes(db, config);
    }

    public static void MapEndpoints(WebApplication app, RouteGroupBuilder api)
    {
        api.MapDealsApiV1();
        api.MapGateApiV1();
        api.MapPipelineApiV1();
        api.MapRatesApiV1();
        api.MapQuotesApiV1();
        app.MapBotWebhooks();
    }
}
