using Jiedan.Data.Accounts;
using Jiedan.Data.Deals;
using Jiedan.Data.Deals.Import;
using Jiedan.Data.Pipeline;
using Jiedan.Data.Rates;
using Jiedan.Data.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Data;

/// <summary>
/// Registration of the foundation's data services. The web host calls <see cref="AddJiedanData"/>; a CLI command
/// calls only the parts it uses, so it opens only the contexts it reads or writes.
/// </summary>
public static class DataServices
{
    public static IServiceCollection AddJiedanData(this IServiceCollection services, DatabaseTarget target, IConfiguration configuration)
    {
        services.AddSingleton(target);
        services.AddSingleton(TimeProvider.System);
        services.AddAccountsData(target);
        services.AddDealsData(target, configuration);
        services.AddScoped<DemoSeeder>();
        return services;
    }

    /// <summary>Accounts, sessions and API tokens.</summary>
    public static IServiceCollection AddAccountsData(this IServiceCollection services, DatabaseTarget target)
    {
        services.AddJiedanContext<AccountsDbContext>(target);
        services.AddScoped<AccountService>();
        services.AddSingleton<SessionCache>();
        return services;
    }

    /// <summary>Deals, their import and export, pipeline queries and market rates (the rates table is in the deals context).</summary>
    public static IServiceCollection AddDealsData(this IServiceCollection services, DatabaseTarget target, IConfiguration configuration)
    {
        services.AddSingleton(_ => PipelineSettings.FromConfiguration(configuration));
        services.AddJiedanContext<DealsDbContext>(target);
        services.AddScoped<DealStore>();
        services.AddScoped<DealImporter>();
        services.AddScoped<DealExporter>();
        services.AddScoped<PipelineQueries>();
        services.AddScoped<MarketRateStore>();
        return services;
    }
}
