using System.CommandLine;
using Jiedan.Bot.Services;
using Jiedan.Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Jiedan.Common.Modules;
using Jiedan.Common.Storage;
using Jiedan.Incidents.Api;
using Jiedan.Incidents.Cli;
using Jiedan.Incidents.Services;
using Jiedan.Incidents.Storage;

namespace Jiedan.Incidents;

/// <summary>
/// The incident knowledge base: the Alertmanager receiver, the runbook graph and past incidents, matching (exact name,
/// label matchers, BM25 text similarity), suggestions posted through the bot outbox, <c>jiedan kb</c>.
/// </summary>
public sealed class IncidentsModule : IJiedanModule
{
    public static void RegisterData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration)
    {
        services.AddJiedanContext<IncidentsDbContext>(target);
        services.AddSingleton<KnowledgeStore>();
        // The receiver takes turns with the bot's writers on SQLite (registered here too for commands without the bot).
        services.TryAddSingleton<BotWriteGate>();
        services.AddSingleton<IncidentStore>();
        services.AddSingleton<GroupCommit>();
        services.AddSingleton<KnowledgeBase>();
        services.AddSingleton<KnowledgeEditor>();
        services.AddScoped<IncidentDemoSeeder>();
    }

    public void AddData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration)
    {
        // The notifier posts through the bot outbox (DealChatOutbox), which the host registers with the bot module's data.
        RegisterData(services, target, configuration);
        services.AddSingleton(_ => new AlertReceivers(configuration));
        services.AddSingleton<IncidentSignal>();
        services.AddSingleton<IncidentNotifier>();
        // The bot's inbox processor offers this module the chat answers it does not act on itself (acknowledgements, fixes).
        services.AddSingleton<IncidentChatStore>();
        services.AddSingleton<IncidentGraph>();
        services.AddSingleton<IChatMessageHandler, IncidentChatHandler>();
    }

    public void AddWeb(IServiceCollection services, IConfiguration configuration) => services.AddHostedService<IncidentNotifierService>();

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api) => app.MapAlertmanagerWebhook();

    public Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<IncidentDemoSeeder>().SeedAsync(ct);

    public Task<int> RemoveDemoAsync(IServiceProvider services, IReadOnlyCollection<long> demoDealIds, CancellationToken ct) =>
        services.GetRequiredService<IncidentDemoSeeder>().RemoveAsync(demoDealIds, ct);

    public IEnumerable<Command> Commands() => [KbCommands.Create()];

    public IEnumerable<NavigationItem> Navigation => [new("nav.incidents", "/incidents"), new("nav.knowledge", "/knowledge")];
}
