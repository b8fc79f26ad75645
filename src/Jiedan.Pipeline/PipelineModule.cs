using System.CommandLine;
using Jiedan.Common.Modules;
using Jiedan.Common.Storage;
using Jiedan.Pipeline.Api;
using Jiedan.Pipeline.Cli;
using Jiedan.Pipeline.Storage;

namespace Jiedan.Pipeline;

/// <summary>Stage analytics over the deals: bottlenecks, durations, charts; the analytics page, API and <c>jiedan pipeline</c>.</summary>
public sealed class PipelineModule : IJiedanModule
{
    /// <summary>The pipeline reads the deals' tables: register it with <c>DealsModule.RegisterData</c>.</summary>
    public static void RegisterData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration) =>
        services.AddScoped<PipelineQueries>();

    public void AddData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration) =>
        RegisterData(services, target, configuration);

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api) => api.MapPipelineApiV1();

    public IEnumerable<Command> Commands() => [PipelineCommands.Create()];

    public IEnumerable<NavigationItem> Navigation => [new("nav.analytics", "/pipeline")];
}
