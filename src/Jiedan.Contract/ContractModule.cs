using System.CommandLine;
using Jiedan.Common.Modules;
using Jiedan.Common.Storage;
using Jiedan.Contract.Api;
using Jiedan.Contract.Cli;
using Jiedan.Contract.Services;
using Jiedan.Contract.Storage;
using Jiedan.Contract.Tools;
using Jiedan.Deals.Pages;

namespace Jiedan.Contract;

/// <summary>
/// Requirement → contract: a requirement.yml becomes a .proto (protovalidate rules) and an OpenAPI document that agree,
/// proved by protoc and Microsoft.OpenApi reading both back; the requirement stored on a deal with its history. Reads deals:
/// register with the deals module's data.
/// </summary>
public sealed class ContractModule : IJiedanModule
{
    public static void RegisterData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration)
    {
        services.AddSingleton(new Protoc(ProtocLocation.From(configuration)));
        services.AddSingleton<ContractBuilder>();
        services.AddJiedanContext<ContractDbContext>(target);
        services.AddScoped<RequirementStore>();
        services.AddScoped<DealContracts>();
        services.AddScoped<PromisedRoutes>();
        services.AddScoped<ContractDemoSeeder>();
    }

    public void AddData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration) =>
        RegisterData(services, target, configuration);

    public void AddWeb(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IDealPanel, ContractPanel>();
        services.AddScoped<ConfirmedItems>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api) => api.MapContractApiV1();

    public Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ContractDemoSeeder>().SeedAsync(ct);

    public Task<int> RemoveDemoAsync(IServiceProvider services, IReadOnlyCollection<long> demoDealIds, CancellationToken ct) =>
        services.GetRequiredService<ContractDemoSeeder>().RemoveAsync(demoDealIds, ct);

    public IEnumerable<Command> Commands() => [ContractCommands.Create()];

    public IEnumerable<NavigationItem> Navigation => [new("nav.contracts", "/contracts")];
}
