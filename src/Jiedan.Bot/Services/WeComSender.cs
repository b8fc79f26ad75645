using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Jiedan.Bot.Storage;
using Jiedan.Domain.Bot.WeCom;

namespace Jiedan.Bot.Services;

/// <summary>
/// Sends outbox rows through WeCom's active message API (<c>cgi-bin/message/send</c>) at the bot's base URL, with an
/// access token from <c>cgi-bin/gettoken</c> (cached until shortly before it expires).
/// </summary>
public sealed class WeComSender(BotRegistry registry, IHttpClientFactory http, TimeProvider time) : IPlatformSender
{
    public const string HttpClientName = "wecom";
    public const string DefaultBaseUrl = "https://qyapi.weixin.qq.com";
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Until)> _tokens = new();

    public string Platform => WeComAdapter.Name;

    public async Task<SendOutcome> SendAsync(OutboxItem item, CancellationToken ct)
    {
        if (!registry.WeCom.TryGetValue(item.Bot, out var bot)) return new SendOutcome.Failed($"bot '{item.Bot}' is no longer configured");
        if (string.IsNullOrEmpty(bot.Secret)) return new SendOutcome.Failed($"Bots:WeCom:{item.Bot}:Secret is not configured;" +
            $" replies cannot be sent");
        var baseUrl = (string.IsNullOrEmpty(bot.ApiBaseUrl) ? DefaultBaseUrl : bot.ApiBaseUrl).TrimEnd('/');
        var client = http.CreateClient(HttpClientName);
        try
        {
            var token = await TokenAsync(client, bot, baseUrl, ct);
            using var content = new StringContent(item.Payload, System.Text.Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(
            $"{baseUrl}/cgi-bin/{item.Method}?access_token={Uri.EscapeDataString(token)}", content, ct);
            if ((int)response.StatusCode >= 500) return new SendOutcome.Retry($"HTTP {(int)response.StatusCode}", null);
            var result = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            var code = result.TryGetProperty("errcode", out var e) ? e.GetInt32() : -1;
            return code switch
            {
                0 => new SendOutcome.Sent(),
                // 42001/40014: token expired or invalid — fetch a new one next time; -1 busy; 45009 rate limited
                42001 or 40014 => Expire(bot.Name, $"errcode {code}"),
                -1 or 45009 => new SendOutcome.Retry($"errcode {code}", code == 45009 ? TimeSpan.FromSeconds(60) : null),
                _ => new SendOutcome.Failed($"errcode {code} {(result.TryGetProperty("errmsg", out var m) ? m.GetString() : "")}"),
            };
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new SendOutcome.Retry(e.GetType().Name + ": " + e.Message, null);
        }
    }

    private SendOutcome.Retry Expire(string bot, string error)
    {
        _tokens.TryRemove(bot, out _);
        return new SendOutcome.Retry(error, TimeSpan.Zero);
    }

    private async Task<string> TokenAsync(HttpClient client, WeComBotSettings bot, string baseUrl, CancellationToken ct)
    {
        if (_tokens.TryGetValue(bot.Name, out var cached) && cached.Until > time.GetUtcNow()) return cached.Token;
        var url = $"{baseUrl}/cgi-bin/gettoken?corpid={Uri.EscapeDataString(bot.ReceiveId)}&corpsecret={Uri.EscapeDataString(bot.Secret!)}";
        var result = await client.GetFromJsonAsync<JsonElement>(url, ct);
        if (!result.TryGetProperty("access_token", out var token) || token.GetString() is not { Length: > 0 } value)
            throw new HttpRequestException($"gettoken: errcode {(result.TryGetProperty("errcode", out var e) ? e.GetInt32() : -1)}");
        var seconds = result.TryGetProperty("expires_in", out var exp) ? exp.GetInt32() : 7200;
        _tokens[bot.Name] = (value, time.GetUtcNow().AddSeconds(seconds - 300));
        return value;
    }
}
