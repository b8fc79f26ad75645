using Jiedan.Bot;
using Jiedan.Bot.Api;
using Jiedan.Bot.Services;
using Jiedan.Bot.Storage;
using Jiedan.Common.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jiedan.Bot.Tests.Web;

/// <summary>
/// The bot slice (its services and webhooks, nothing else) in a Kestrel host on 127.0.0.1:0 over a real
/// database, so the webhook → inbox → confirmation → outbox → API path runs through real HTTP on both ends.
/// </summary>
public sealed class BotTestHost : IAsyncDisposable
{
    public const string TelegramSecret = "test-secret-token-0123456789";
    public const string TelegramToken = "123456:TEST-token";
    private readonly WebApplication _app;

    public Uri BaseAddress { get; }
    public IServiceProvider Services => _app.Services;
    public HttpClient Client { get; }

    private BotTestHost(WebApplication app)
    {
        _app = app;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <param name="time">The clock the bot reads (WeCom's freshness window); the system clock unless given.</param>
    public static async Task<BotTestHost> StartAsync(DatabaseTarget db, IDictionary<string, string?> settings, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bots:Outbox:FirstRetry"] = "00:00:00.200",
            ["Bots:Outbox:IdlePoll"] = "00:00:00.100",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(time ?? TimeProvider.System).AddSingleton(db);
        BotModule.RegisterData(builder.Services, db, builder.Configuration);
        new BotModule().AddWeb(builder.Services, builder.Configuration);
        var app = builder.Build();
        app.MapBotWebhooks();
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<BotDbContext>().Database.MigrateAsync();
        await app.StartAsync();
        return new BotTestHost(app);
    }

    public static Dictionary<string, string?> TelegramSettings(string apiBaseUrl) => new()
    {
        ["Bots:Telegram:main:Token"] = TelegramToken,
        ["Bots:Telegram:main:SecretToken"] = TelegramSecret,
        ["Bots:Telegram:main:ApiBaseUrl"] = apiBaseUrl,
    };

    /// <summary>
    /// As <see cref="TelegramSettings"/>, as environment variables for a <see cref="ServeProcess"/>: the bot <c>main</c> on a
    /// Telegram stand-in at <paramref name="apiBaseUrl"/>, with a fast outbox poll and a short lease (rows claimed by a
    /// killed process come back after 4 s).
    /// </summary>
    public static Dictionary<string, string> TelegramEnvironment(string apiBaseUrl) => new()
    {
        ["Bots__Telegram__main__Token"] = TelegramToken,
        ["Bots__Telegram__main__SecretToken"] = TelegramSecret,
        ["Bots__Telegram__main__ApiBaseUrl"] = apiBaseUrl,
        ["Bots__Outbox__IdlePoll"] = "00:00:00.100",
        ["Bots__Outbox__Lease"] = "00:00:04",
        ["Bots__Outbox__SendTimeout"] = "00:00:02",
    };

    public async Task<HttpResponseMessage> PostTelegramAsync(string json, string? secret = TelegramSecret, string bot = "main")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"/bots/telegram/{bot}") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (secret is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        return await Client.SendAsync(request);
    }

    public async Task<T> WithDbAsync<T>(Func<BotDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public static class Eventually
{
    /// <summary>Polls until <paramref name="condition"/> holds; fails with <paramref name="what"/> after the timeout.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, int timeoutMs = 15_000)
    {
#pragma warning disable RS0030 // a wall-clock deadline while polling a real server
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
#pragma warning restore RS0030
        while (!await condition())
        {
#pragma warning disable RS0030 // a wall-clock deadline while polling a real server
            if (DateTime.UtcNow > until) Assert.Fail($"timed out waiting for: {what}");
#pragma warning restore RS0030
            await Task.Delay(50);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, string what, int timeoutMs = 15_000) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeoutMs);

    /// <summary>As above; <paramref name="describe"/> says what the state was when it timed out.</summary>
    public static async Task HoldsAsync(Func<bool> condition, Func<string> describe, int timeoutMs)
    {
#pragma warning disable RS0030 // a wall-clock deadline while polling a real server
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
#pragma warning restore RS0030
        while (!condition())
        {
#pragma warning disable RS0030 // a wall-clock deadline while polling a real server
            if (DateTime.UtcNow > until) Assert.Fail($"timed out waiting for: {describe()}");
#pragma warning restore RS0030
            await Task.Delay(50);
        }
    }
}
