using Jiedan.Data.Accounts;
using Jiedan.Data.Deals;
using Jiedan.Data.Deals.Import;
using Jiedan.Data.Pipeline;
using Jiedan.Data.Rates;
using Jiedan.Data.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Data;

/// <summary>Registration of the foundation's data services; the CLI and the web host both call this.</summary>
public static class DataServices
{
    public static IServiceCollection AddJiedanData(this IServiceCollection services, DatabaseTarget target, IConfiguration configuration)
    {
        services.AddSingleton(target);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => PipelineSettings.FromConfiguration(configuration));
        services.AddJiedanContext<AccountsDbContext>(target);
        services.AddJiedanContext<DealsDbContext>(target);
        services.AddScoped<AccountService>();
        services.AddSingleton<SessionCache>();
        services.AddScoped<DealStore>();
        services.AddScoped<DealImporter>();
        services.AddScoped<DealExporter>();
        services.AddScoped<PipelineQueries>();
        services.AddScoped<MarketRateStore>();
        services.AddScoped<DemoSeeder>();
        return services;
    }
}
