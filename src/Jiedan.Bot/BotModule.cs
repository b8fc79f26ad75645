using Jiedan.Bot.Api;
using Jiedan.Bot.Demo;
using Jiedan.Bot.Services;
using Jiedan.Bot.Storage;
using Jiedan.Common.Modules;
using Jiedan.Common.Storage;
using Jiedan.Domain.Bot;

namespace Jiedan.Bot;

/// <summary>
/// The requirement-confirmation bot: webhooks (Telegram, WeCom), the inbox and its processor, the outbox and its sender
/// (the one way Jiedan posts to a chat), the bot pages.
/// </summary>
public sealed class BotModule : IJiedanModule
{
    public static void RegisterData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration)
    {
        services.AddJiedanContext<BotDbContext>(target);
        services.AddSingleton(_ => configuration.GetSection("Bots:Confirmation").Get<BotOptions>() ?? new BotOptions());
        services.AddSingleton(configuration.GetSection("Bots:Outbox").Get<OutboxOptions>() ?? new OutboxOptions());
        services.AddSingleton(_ => configuration.GetSection("Bots:Inbox").Get<InboxOptions>() ?? new InboxOptions());
        services.AddSingleton(_ => configuration.GetSection("Bots:Inbox").Get<InboxWriterOptions>() ?? new InboxWriterOptions());
        services.AddSingleton(_ => new BotRegistry(configuration));
        services.AddSingleton<IBotAdapterCatalog, BotAdapterCatalog>();
        services.AddSingleton<BotWriteGate>();
        services.AddSingleton<InboxWriter>();
        services.AddSingleton<InboxProcessor>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<DealChatOutbox>();
        services.AddScoped<BotDashboard>();
    }

    public void AddData(IServiceCollection services, DatabaseTarget target, IConfiguration configuration) =>
        RegisterData(services, target, configuration);

    public Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        ActivatorUtilities.CreateInstance<BotDemoSeeder>(services).SeedAsync(ct);

    public Task<int> RemoveDemoAsync(IServiceProvider services, IReadOnlyCollection<long> demoDealIds, CancellationToken ct) =>
        ActivatorUtilities.CreateInstance<BotDemoSeeder>(services).RemoveAsync(demoDealIds, ct);

    /// <summary>The senders and the two background loops; only the web host runs them.</summary>
    public void AddWeb(IServiceCollection services, IConfiguration configuration)
    {
        var outbox = configuration.GetSection("Bots:Outbox").Get<OutboxOptions>() ?? new OutboxOptions();
        services.AddSingleton<IPlatformSender, TelegramSender>();
        services.AddSingleton<IPlatformSender, WeComSender>();
        // Request URLs carry the bot token (Telegram) or the corp secret (WeCom gettoken): no HttpClient logging.
        services.AddHttpClient(TelegramSender.HttpClientName, c => c.Timeout = outbox.SendTimeout).RemoveAllLoggers();
        services.AddHttpClient(WeComSender.HttpClientName, c => c.Timeout = outbox.SendTimeout).RemoveAllLoggers();
        services.AddHostedService<InboxProcessingService>();
        services.AddHostedService<OutboxSenderService>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api) => app.MapBotWebhooks();

    public IEnumerable<NavigationItem> Navigation => [new("nav.bot", "/bot")];
}
