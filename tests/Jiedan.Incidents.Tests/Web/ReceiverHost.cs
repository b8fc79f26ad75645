using Jiedan.Bot.Storage;
using Jiedan.Incidents.Services;
using Jiedan.Incidents.Storage;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Incidents.Tests.Web;

/// <summary>
/// A real server with one Alertmanager receiver (<c>prod</c>, tied to deal 5), the test corpus imported, and deal 5's
/// client chat known to the Telegram bot (whose API address is a closed local port: messages stay in the outbox).
/// </summary>
public static class ReceiverHost
{
    public const string Token = "am-token-5b0c8e2f";
    public const string Url = "/alerts/alertmanager/prod";
    public const string ChatId = "4242";

    /// <param name="kind">The database.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="extra">More settings (a bot stand-in's address).</param>
    /// <param name="chat">The platform, bot and chat deal 5's client talks in (Telegram <c>main</c> 4242 unless given).</param>
    public static async Task<JiedanTestServer> StartAsync(TestDatabaseKind kind, CancellationToken ct,
        IReadOnlyDictionary<string, string?>? extra = null, (string Platform, string Bot, string ChatId)? chat = null)
    {
        var server = await JiedanTestServer.StartAsync(kind, settings: Settings(extra));
        await PrepareAsync(server, chat ?? ("telegram", "main", ChatId), ct);
        return server;
    }

    /// <summary>Another instance on the same database as <paramref name="first"/> (one started by the method above).</summary>
    public static Task<JiedanTestServer> StartAnotherAsync(JiedanTestServer first) =>
        JiedanTestServer.StartAsync(first.Database, settings: Settings(null));

    private static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Alerts:Alertmanager:prod:BearerToken"] = Token,
            ["Alerts:Alertmanager:prod:DealId"] = "5",
            ["Alerts:Alertmanager:nodeal:BearerToken"] = "other-token",
            ["Alerts:Alertmanager:notoken:DealId"] = "5",
            ["Bots:Telegram:main:Token"] = "123:abc",
            ["Bots:Telegram:main:SecretToken"] = "telegram-secret",
            ["Bots:Telegram:main:ApiBaseUrl"] = "http://127.0.0.1:9",
            ["RateLimits:Bots:PermitLimit"] = "10000",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    private static async Task PrepareAsync(JiedanTestServer server, (string Platform, string Bot, string ChatId) chat, CancellationToken ct)
    {
        var (platform, botName, chatId) = chat;
        var corpus = KnowledgeImport.Read(Corpus.Folder);
        await server.Services.GetRequiredService<KnowledgeStore>().ImportAsync(corpus.Entries, corpus.Incidents, ct);
        using var scope = server.Services.CreateScope();
        var bot = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var at = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
        var conversation = new ConversationRecord { Platform = platform, Bot = botName, ChatId = chatId, ClientName = "李总",
            FirstSeenUtc = at, LastMessageUtc = at };
        bot.Conversations.Add(conversation);
        await bot.SaveChangesAsync(ct);
        bot.Confirmations.Add(new ConfirmationRecord
        {
            Id = 900, ConversationId = conversation.Id, ChatId = chatId, Version = 1, State = "Confirmed", ItemsJson = "[]",
            DecisionsJson = "[]", CreatedAtUtc = at, ExpiresAtUtc = at.AddDays(7), UpdatedAtUtc = at, DealId = 5,
        });
        await bot.SaveChangesAsync(ct);
    }

    public static async Task<List<IncidentRecord>> AlertmanagerIncidentsAsync(JiedanTestServer server, CancellationToken ct)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<IncidentsDbContext>>().CreateDbContextAsync(ct);
        return await db.Incidents.AsNoTracking().Where(i => i.Origin == IncidentStore.AlertmanagerOrigin).OrderBy(i => i.Id)
            .ToListAsync(ct);
    }

    public static async Task<IncidentRecord> IncidentAsync(JiedanTestServer server, long id, CancellationToken ct)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<IncidentsDbContext>>().CreateDbContextAsync(ct);
        return await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == id, ct);
    }

    public static async Task<int> EventCountAsync(JiedanTestServer server, CancellationToken ct)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<IncidentsDbContext>>().CreateDbContextAsync(ct);
        return await db.Events.CountAsync(ct);
    }

    public static async Task<List<OutboxRecord>> OutboxAsync(JiedanTestServer server, CancellationToken ct)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync(ct);
        return await db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync(ct);
    }

    /// <summary>Waits (at most 10 s) until every stored alert has its suggestions worked out.</summary>
    public static async Task<List<IncidentRecord>> NotifiedAsync(JiedanTestServer server, int count, CancellationToken ct)
    {
        var until = TimeSpan.FromSeconds(10);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var incidents = await AlertmanagerIncidentsAsync(server, ct);
            if (incidents.Count == count && incidents.All(i => i.NotifiedAtUtc is not null)) return incidents;
            if (watch.Elapsed > until) throw new TimeoutException($"{incidents.Count} incidents, not all notified after {until}");
            await Task.Delay(50, ct);
        }
    }

    public static HttpRequestMessage Post(string json, string? token = Token, string url = Url)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
