using Jiedan.Data.Gate;
using Jiedan.Data.Storage;
using Jiedan.Web.Deals;

namespace Jiedan.Web.Gate;

public static class GateServices
{
    /// <summary>Gate runs per deal: the data context, its store, and the deal page's gate-history panel.</summary>
    public static IServiceCollection AddGate(this IServiceCollection services, DatabaseTarget db)
    {
        services.AddJiedanContext<GateDbContext>(db);
        services.AddScoped<GateRunStore>();
        services.AddScoped<IDealPanel, GateRunsPanel>();
        return services;
    }
}
