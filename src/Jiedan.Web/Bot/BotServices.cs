using Jiedan.Data.Bot;
using Jiedan.Data.Storage;
using Jiedan.Domain.Bot;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jiedan.Web.Bot;

/// <summary>Registers the requirement-confirmation bot: storage, webhooks' dependencies, inbox processor and outbox sender.</summary>
public static class BotServices
{
    public static IServiceCollection AddBot(this IServiceCollection services, DatabaseTarget db, IConfiguration config)
    {
        services.AddJiedanContext<BotDbContext>(db);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(db);
        services.AddSingleton(_ => config.GetSection("Bots:Confirmation").Get<BotOptions>() ?? new BotOptions());
        var outbox = config.GetSection("Bots:Outbox").Get<OutboxOptions>() ?? new OutboxOptions();
        services.AddSingleton(outbox);
        services.AddSingleton(_ => config.GetSection("Bots:Inbox").Get<InboxOptions>() ?? new InboxOptions());
        services.AddSingleton(_ => config.GetSection("Bots:Inbox").Get<InboxWriterOptions>() ?? new InboxWriterOptions());
        services.AddSingleton(_ => new BotRegistry(config));
        services.AddSingleton<IBotAdapterCatalog, BotAdapterCatalog>();
        services.AddSingleton<BotWriteGate>();
        services.AddSingleton<InboxWriter>();
        services.AddSingleton<InboxProcessor>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IPlatformSender, TelegramSender>();
        services.AddSingleton<IPlatformSender, WeComSender>();
        // Request URLs carry the bot token (Telegram) or the corp secret (WeCom gettoken): no HttpClient logging.
        services.AddHttpClient(TelegramSender.HttpClientName, c => c.Timeout = outbox.SendTimeout).RemoveAllLoggers();
        services.AddHttpClient(WeComSender.HttpClientName, c => c.Timeout = outbox.SendTimeout).RemoveAllLoggers();
        services.AddHostedService<InboxProcessingService>();
        services.AddHostedService<OutboxSenderService>();
        services.AddScoped<BotDashboard>();
        return services;
    }
}
