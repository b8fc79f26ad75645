using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Jiedan.Bot.Storage;
using Jiedan.Domain.Bot.Telegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;

namespace Jiedan.Bot.Services;

/// <summary>
/// Sends outbox rows with the Telegram.Bot client against the bot's configured API base URL. The payload is the
/// Bot API JSON the domain's adapter wrote and goes on the wire unchanged (<see cref="StoredCall"/>); the library
/// brings the transport and its error model (error codes, <c>retry_after</c>). Its own 429 retry is off: retries
/// are durable, in the outbox.
/// </summary>
public sealed class TelegramSender(BotRegistry registry, IHttpClientFactory http) : IPlatformSender
{
    public const string HttpClientName = "telegram";
    private readonly ConcurrentDictionary<string, TelegramBotClient> _clients = new();

    public string Platform => TelegramAdapter.Name;

    public async Task<SendOutcome> SendAsync(OutboxItem item, CancellationToken ct)
    {
        if (!registry.Telegram.TryGetValue(item.Bot,
            out var bot)) return new SendOutcome.Failed($"bot '{item.Bot}' is no longer configured");
        var client = _clients.GetOrAdd(item.Bot, _ => new TelegramBotClient(
            new TelegramBotClientOptions(bot.Token, string.IsNullOrEmpty(bot.ApiBaseUrl) ? null : bot.ApiBaseUrl) { RetryCount = 0 },
            http.CreateClient(HttpClientName)));
        try
        {
            if (item.Method is not ("sendMessage" or "answerCallbackQuery" or "editMessageText"))
                return new SendOutcome.Failed($"unknown method {item.Method}");
            await client.SendRequest(new StoredCall(item.Method, item.Payload), ct);
            return new SendOutcome.Sent();
        }
        catch (ApiRequestException e) when (e.ErrorCode == 429)
        {
            var after = e.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            return new SendOutcome.Retry($"429 {e.Message}", after);
        }
        catch (ApiRequestException e) when (e.ErrorCode >= 500)
        {
            return new SendOutcome.Retry($"{e.ErrorCode} {e.Message}", null);
        }
        catch (ApiRequestException e) when (e.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
        {
            return new SendOutcome.Sent(); // the edit is already there: the goal is reached
        }
        catch (ApiRequestException e)
        {
            return new SendOutcome.Failed($"{e.ErrorCode} {e.Message}");
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new SendOutcome.Retry(e.GetType().Name + ": " + e.Message, null);
        }
    }

    /// <summary>A Bot API call whose JSON body is already written; its result is not needed.</summary>
    private sealed class StoredCall(string method, string json) : RequestBase<JsonElement>(method)
    {
        public override HttpContent ToHttpContent() => new StringContent(json, Encoding.UTF8, "application/json");
    }
}
