using System.CommandLine;
using Jiedan.Common.Modules;
using Jiedan.Common.Storage;
using Jiedan.Credibility.Api;
using Jiedan.Credibility.Audit;
using Jiedan.Credibility.Cli;
using Jiedan.Credibility.Storage;

namespace Jiedan.Credibility;

/// <summary>
/// Credibility and conversion: the portfolio audit (<c>jiedan audit</c>), proposal and demo scores, the conversion
/// estimate per deal and its fit to won and lost deals, and the opt-in public trust page.
/// </summary>
public sealed class CredibilityModule : IJiedanModule
{
    public static void RegisterData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration)
    {
        services.AddJiedanContext<AuditDbContext>(target);
        services.AddScoped<AuditStore>();
        services.AddSingleton(AuditSettings.From(configuration));
    }

    public void AddData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration) =>
        RegisterData(services, target, configuration);

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api) => api.MapAuditsApiV1();

    public IEnumerable<Command> Commands() => [AuditCommands.Create()];

    public IEnumerable<NavigationItem> Navigation => [new("nav.audits", "/audits")];
}
