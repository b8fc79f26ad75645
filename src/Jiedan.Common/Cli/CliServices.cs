using Jiedan.Common.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jiedan.Common.Cli;

/// <summary>What a command registers on top of the basics (database target, configuration, clock, logging).</summary>
public delegate void CliRegistration(IServiceCollection services, DatabaseTarget target, IConfiguration configuration);

/// <summary>
/// The services one data command needs, and nothing else: no web host container, no hosted services. The database
/// comes from <c>--db</c> or <c>JIEDAN_DB</c> and is not migrated here (only <c>jiedan db migrate</c> and
/// <c>jiedan serve</c> migrate); a database whose schema is behind is refused with <see cref="DatabaseNotMigratedException"/>.
/// </summary>
public static class CliServices
{
    public static IConfiguration Configuration() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();

    public static async Task<ServiceProvider> OpenAsync(string? db, CliRegistration register, CancellationToken ct)
    {
        var (provider, contexts) = Build(db, register);
        try
        {
            var target = provider.GetRequiredService<DatabaseTarget>();
            var pending = await Migrations.PendingAsync(provider, contexts, ct);
            if (pending.Count > 0) throw new DatabaseNotMigratedException(target.Describe(), pending.Count);
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    /// <summary>The provider and the database contexts registered in it, in registration order; nothing is opened.</summary>
    public static (ServiceProvider Provider, IReadOnlyList<Type> Contexts) Build(string? db, CliRegistration register)
    {
        var target = DatabaseTarget.FromArgumentOrEnvironment(db);
        var configuration = Configuration();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(configuration);
        services.AddSingleton(target);
        services.AddSingleton(TimeProvider.System);
        register(services, target, configuration);
        var contexts = services.Select(d => d.ServiceType)
            .Where(t => typeof(Microsoft.EntityFrameworkCore.DbContext).IsAssignableFrom(t))
            .Distinct().ToList();
        return (services.BuildServiceProvider(), contexts);
    }
}

/// <summary>A command met a database whose schema is behind the code; <c>jiedan db migrate</c> brings it up to date.</summary>
public sealed class DatabaseNotMigratedException(string target, int pending)
    : Exception($"the database at {target} is not migrated ({pending} pending migrations): run 'jiedan db migrate'");
