using System.CommandLine;
using Jiedan.Common.Modules;
using Jiedan.Common.Storage;
using Jiedan.Deals.Api;
using Jiedan.Deals.Cli;
using Jiedan.Deals.Import;
using Jiedan.Deals.Pages.Deals;
using Jiedan.Deals.Storage;

namespace Jiedan.Deals;

/// <summary>Deals and their stage history: the board, import and export, the API, <c>jiedan deals</c>, demo data.</summary>
public sealed class DealsModule : IJiedanModule
{
    public static void RegisterData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration)
    {
        services.AddSingleton(_ => PipelineSettings.FromConfiguration(configuration));
        services.AddJiedanContext<DealsDbContext>(target);
        services.AddScoped<DealStore>();
        services.AddScoped<DealImporter>();
        services.AddScoped<DealExporter>();
        services.AddScoped<DemoSeeder>();
    }

    public void AddData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration) =>
        RegisterData(services, target, configuration);

    public void AddWeb(IServiceCollection services, IConfiguration configuration) => services.AddScoped<DealMoveForm>();

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapDealsApiV1();
        app.MapBoardScript();
    }

    public IEnumerable<Command> Commands() => [DealsCommands.Create()];

    public IEnumerable<NavigationItem> Navigation => [new("nav.board", "/deals")];
}
