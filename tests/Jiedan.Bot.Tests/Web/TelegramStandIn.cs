using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jiedan.Bot.Tests.Web;

/// <summary>
/// A local stand-in for the Telegram Bot API (<c>POST /bot{token}/{method}</c>) on 127.0.0.1: records every call
/// and answers as the Bot API does — or, when told, with 429 + <c>retry_after</c> or 500.
/// </summary>
public sealed class TelegramStandIn : IAsyncDisposable
{
    public sealed record Call(string Token, string Method, JsonObject Body, DateTimeOffset At, int Status);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<string, (int Status, string Json)?>> _faults = new();
    private int _nextMessageId = 1000;

    public ConcurrentQueue<Call> Calls { get; } = new();
    public string BaseUrl { get; }

    private TelegramStandIn(WebApplication app)
    {
        _app = app;
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public static async Task<TelegramStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        TelegramStandIn? self = null;
        app.MapPost("/bot{token}/{method}", async (string token, string method, HttpRequest request) =>
        {
            var body = (JsonObject?)await JsonNode.ParseAsync(request.Body) ?? [];
            var (status, json) = self!.Answer(method, body);
#pragma warning disable RS0030 // the stand-in answers a real server that runs on the system clock
            self.Calls.Enqueue(new Call(token, method, body, DateTimeOffset.UtcNow, status));
#pragma warning restore RS0030
            return Results.Text(json, "application/json", statusCode: status);
        });
        await app.StartAsync();
        self = new TelegramStandIn(app);
        return self;
    }

    /// <summary>The next call of <paramref name="method"/> gets 429 with <c>retry_after</c>.</summary>
    public void TooManyRequestsOnce(string method, int retryAfterSeconds) => _faults.Enqueue(m => m == method
        ? (429, $$$"""
            {"ok":false,"error_code":429,"description":"Too Many Requests: retry after {{{retryAfterSeconds}}}",
            "parameters":{"retry_after":{{{retryAfterSeconds}}}}}
            """)
        : null);

    /// <summary>The next call of <paramref name="method"/> gets 500.</summary>
    public void ServerErrorOnce(string method) => _faults.Enqueue(m => m == method
        ? (500, """{"ok":false,"error_code":500,"description":"Internal Server Error"}""")
        : null);

    public IReadOnlyList<Call> Succeeded(string method) => [.. Calls.Where(c => c.Method == method && c.Status == 200)];

    private (int, string) Answer(string method, JsonObject body)
    {
        if (_faults.TryPeek(out var fault) && fault(method) is { } f && _faults.TryDequeue(out _)) return f;
        var chatId = body["chat_id"]?.DeepClone() ?? 0;
        JsonNode result = method switch
        {
            "answerCallbackQuery" => true,
            _ => new JsonObject
            {
                ["message_id"] = body["message_id"]?.GetValue<int>() ?? Interlocked.Increment(ref _nextMessageId),
#pragma warning disable RS0030 // the stand-in answers a real server that runs on the system clock
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
#pragma warning restore RS0030
                ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
                ["text"] = body["text"]?.GetValue<string>() ?? "",
            },
        };
        return (200, new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString());
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
