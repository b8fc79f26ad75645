using System.CommandLine;
using Jiedan.Common.Storage;

namespace Jiedan.Common.Modules;

/// <summary>
/// One capability (deals, pipeline, quote, …) as the host and the CLI see it. The web host and <c>jiedan</c> read the
/// same list of modules (<c>JiedanModules.All</c>); every member has a do-nothing default, so a module states only what it has.
/// </summary>
public interface IJiedanModule
{
    /// <summary>Its database contexts and the services its CLI commands, API and pages share (no hosted services).</summary>
    void AddData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration) { }

    /// <summary>What only the running web host needs: background services, HTTP clients, page panels.</summary>
    void AddWeb(IServiceCollection services, IConfiguration configuration) { }

    /// <summary>Its endpoints: REST on <paramref name="api"/> (<c>/api/v1</c>, authenticated), others on <paramref name="app"/>.</summary>
    void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api) { }

    /// <summary>
    /// Fills its tables with demo data marked as such, right after the demo deals were loaded into an empty database
    /// (<c>jiedan serve --demo</c>); <paramref name="services"/> is a scope's provider.
    /// </summary>
    Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Deletes its demo rows and nothing else: rows tied to one of <paramref name="demoDealIds"/> (the deals marked
    /// <c>IsDemo</c>) or marked as demo themselves. <c>jiedan demo remove</c> calls every module, in one transaction per
    /// module, before the demo deals themselves are deleted. Returns the number of rows deleted.
    /// </summary>
    Task<int> RemoveDemoAsync(IServiceProvider services, IReadOnlyCollection<long> demoDealIds, CancellationToken ct) =>
        Task.FromResult(0);

    /// <summary>Its top-level <c>jiedan</c> commands.</summary>
    IEnumerable<Command> Commands() => [];

    /// <summary>Its entries in the dashboard's top navigation, in order.</summary>
    IEnumerable<NavigationItem> Navigation => [];
}

/// <summary>A top-navigation entry: the text key of its label and the path it opens.</summary>
public sealed record NavigationItem(string TextKey, string Path);
