using System.CommandLine;
using Jiedan.Common.Modules;
using Jiedan.Common.Storage;
using Jiedan.Deals.Pages;
using Jiedan.Gate.Api;
using Jiedan.Gate.Cli;
using Jiedan.Gate.Demo;
using Jiedan.Gate.Services;
using Jiedan.Gate.Storage;

namespace Jiedan.Gate;

/// <summary>The delivery gate: <c>jiedan gate</c>, gate runs kept per deal, their API and the deal page's gate-history panel.</summary>
public sealed class GateModule : IJiedanModule
{
    public static void RegisterData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration)
    {
        services.AddJiedanContext<GateDbContext>(target);
        services.AddScoped<GateRunStore>();
    }

    public void AddData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration) =>
        RegisterData(services, target, configuration);

    public Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        ActivatorUtilities.CreateInstance<GateDemoSeeder>(services).SeedAsync(ct);

    public Task<int> RemoveDemoAsync(IServiceProvider services, IReadOnlyCollection<long> demoDealIds, CancellationToken ct) =>
        ActivatorUtilities.CreateInstance<GateDemoSeeder>(services).RemoveAsync(demoDealIds, ct);

    public void AddWeb(IServiceCollection services, IConfiguration configuration) => services.AddScoped<IDealPanel, GateRunsPanel>();

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api) => api.MapGateApiV1();

    public IEnumerable<Command> Commands() => [GateCommands.Create()];

    public IEnumerable<NavigationItem> Navigation => [new("nav.gate", "/gate")];
}
