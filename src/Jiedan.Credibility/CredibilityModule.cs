using System.CommandLine;
using Jiedan.Common.Modules;
using Jiedan.Common.Storage;
using Jiedan.Credibility.Api;
using Jiedan.Credibility.Audit;
using Jiedan.Credibility.Cli;
using Jiedan.Credibility.Conversion;
using Jiedan.Credibility.Demo;
using Jiedan.Credibility.Proposal;
using Jiedan.Credibility.Scoring;
using Jiedan.Credibility.Storage;
using Jiedan.Credibility.Trust;
using Jiedan.Deals.Pages;

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
        services.AddScoped<AuditDemoSeeder>();
        services.AddSingleton(AuditSettings.From(configuration));
        services.AddJiedanContext<ConversionDbContext>(target);
        services.AddScoped<ClosedDeals>();
        services.AddScoped<ConversionService>();
        services.AddScoped<ConversionDemoSeeder>();
        services.AddJiedanContext<TrustDbContext>(target);
        services.AddScoped<TrustPageStore>();
        services.AddScoped<TrustPageReader>();
        RegisterProbes(services, target, configuration);
        services.AddScoped<DealCredibilityScoring>();
    }

    /// <summary>The proposal and demo scores: they read quotes and requirements (register with those modules' data).</summary>
    public static void RegisterProbes(IServiceCollection services, DatabaseTarget target, IConfiguration configuration)
    {
        services.AddScoped<ProposalFactsReader>();
        services.AddScoped<ProposalScores>();
        services.AddSingleton(DemoProbeSettings.From(configuration));
        services.AddSingleton<DemoProbe>();
    }

    public void AddData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration) =>
        RegisterData(services, target, configuration);

    public async Task SeedDemoAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<ConversionDemoSeeder>().SeedAsync(ct);
        await services.GetRequiredService<AuditDemoSeeder>().SeedAsync(ct);
    }

    public async Task<int> RemoveDemoAsync(IServiceProvider services, IReadOnlyCollection<long> demoDealIds, CancellationToken ct) =>
        await services.GetRequiredService<ConversionDemoSeeder>().RemoveAsync(demoDealIds, ct)
        + await services.GetRequiredService<AuditDemoSeeder>().RemoveAsync(ct);

    public void AddWeb(IServiceCollection services, IConfiguration configuration) => services.AddScoped<IDealPanel, ConversionPanel>();

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapAuditsApiV1();
        api.MapConversionApiV1();
        api.MapConversionScoreApiV1();
        api.MapCredibilityProbeApiV1();
        api.MapTrustPagesApiV1();
    }

    public IEnumerable<Command> Commands() =>
        [AuditCommands.Create(), CredibilityConversionCommands.Create(), CredibilityProbeCommands.Create(), TrustCommands.Create()];

    public IEnumerable<NavigationItem> Navigation =>
        [new("nav.audits", "/audits"), new("nav.conversion", "/conversion"), new("nav.trust", "/trust")];
}
