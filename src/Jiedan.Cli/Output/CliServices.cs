using Jiedan.Data;
using Jiedan.Data.Storage;
using Jiedan.Web.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jiedan.Cli.Output;

/// <summary>
/// The services a data command needs: the same registrations as the web host (one composition root), against the
/// database from <c>--db</c> or <c>JIEDAN_DB</c>, migrated before use.
/// </summary>
public static class CliServices
{
    public static IConfiguration Configuration() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();

    public static async Task<ServiceProvider> OpenAsync(string? db, CancellationToken ct)
    {
        var target = DatabaseTarget.FromArgumentOrEnvironment(db);
        var configuration = Configuration();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(configuration);
        services.AddJiedanData(target, configuration);
        Jiedan.Web.Host.Capabilities.AddServices(services, target, configuration);
        var provider = services.BuildServiceProvider();
        await JiedanDb.MigrateAsync(provider, ct);
        return provider;
    }
}
