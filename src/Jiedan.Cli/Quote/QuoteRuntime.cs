using Jiedan.Data.Storage;
using Jiedan.Web.Quote;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Cli.Quote;

/// <summary>The quote services for one CLI run, on the database the user chose, migrated before use.</summary>
internal static class QuoteRuntime
{
    public static async Task<ServiceProvider> StartAsync(string? db, CancellationToken ct)
    {
        var target = DatabaseTarget.FromArgumentOrEnvironment(db);
        var services = new ServiceCollection();
        services.AddSingleton(target);
        services.AddQuotes(target, new ConfigurationBuilder().Build());
        var provider = services.BuildServiceProvider();
        await JiedanDb.MigrateAsync(provider, ct);
        return provider;
    }
}
