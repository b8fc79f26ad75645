using System.CommandLine;
using Jiedan.Common.Modules;
using Jiedan.Common.Storage;
using Jiedan.Scaffold.Api;
using Jiedan.Scaffold.Cli;
using Jiedan.Scaffold.Services;
using Jiedan.Deals.Pages;

namespace Jiedan.Scaffold;

/// <summary>
/// MVP scaffold: a Go module from the contract (docs/scaffold.md). Stores nothing of its own; the deal's requirement comes
/// from the contract module.
/// </summary>
public sealed class ScaffoldModule : IJiedanModule
{
    public static void RegisterData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration)
    {
    }

    public void AddData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration) =>
        RegisterData(services, target, configuration);

    public void AddWeb(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<IDealPanel, ScaffoldPanel>();

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api) => api.MapScaffoldApiV1();

    public IEnumerable<Command> Commands() => [ScaffoldCommands.Create()];
}
