using System.Text;
using Jiedan.Bot.Services;
using Jiedan.Bot.Storage;
using Jiedan.Common.Web;
using Jiedan.Domain.Bot;
using Jiedan.Domain.Bot.Telegram;
using Jiedan.Domain.Bot.WeCom;
using Jiedan.Domain.Parsing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiedan.Bot.Api;

/// <summary>
/// The platforms' webhooks. Anonymous by design: each request proves itself (Telegram's secret token, WeCom's
/// signature) before anything in it is read or stored; otherwise 401. 200 is only answered once the update is
/// committed, so a platform that sees 200 can forget the update.
/// </summary>
public static class BotWebhooks
{
    private const int MaxBody = 1 << 20;
    private static readonly TelegramAdapter TelegramReader = new();

    public static IEndpointRouteBuilder MapBotWebhooks(this IEndpointRouteBuilder app)
    {
        var bots = app.MapGroup("/bots").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription()
            .RequireRateLimiting(RateLimits.Bots);
        bots.MapPost("/telegram/{name}", TelegramAsync);
        bots.MapGet("/wecom/{name}", WeComVerifyAsync);
        bots.MapPost("/wecom/{name}", WeComAsync);
        return app;
    }

    public static async Task<Results<Ok, UnauthorizedHttpResult, NotFound, ProblemHttpResult>> TelegramAsync(
        string name, HttpRequest request, [AsParameters] WebhookServices s, CancellationToken ct)
    {
        if (!s.Registry.Telegram.TryGetValue(name, out var bot)) return TypedResults.NotFound();
        if (!SecretToken.Matches(request.Headers[SecretToken.Header], bot.SecretToken))
        {
            s.Log.TelegramSecretWrong(name, request.HttpContext.Connection.RemoteIpAddress);
            return TypedResults.Unauthorized();
        }
        var body = await ReadBodyAsync(request, ct);
        if (body is null) return Problem("body", "larger than 1 MiB");
        // A bounded scan first (depth, one integer update_id), so the reader below only ever sees a well-formed update.
        var (id, field, problem) = TelegramUpdateId.Inspect(body);
        if (id is null) return Problem(field!, problem!);
        var text = Encoding.UTF8.GetString(body);
        InboundMessage message;
        try { message = TelegramReader.Parse(text); }
        catch (BotFormatException e) { return Problem("update", e.Message); }
        return await StoreAsync(s, name, message, text, ct)
            ?? (Results<Ok, UnauthorizedHttpResult, NotFound, ProblemHttpResult>)TypedResults.Ok();
    }

    public static Results<ContentHttpResult, UnauthorizedHttpResult, NotFound> WeComVerifyAsync(
        string name, [FromQuery(Name = "msg_signature")] string? signature, string? timestamp, string? nonce, string? echostr,
        [AsParameters] WebhookServices s)
    {
        if (!s.Registry.WeCom.TryGetValue(name, out var bot)) return TypedResults.NotFound();
        if (timestamp is null || nonce is null || echostr is null || !bot.Crypto.VerifySignature(signature, timestamp, nonce, echostr))
            return Reject(s, name, "URL verification signature does not match");
        if (!WeComTimestamp.IsFresh(timestamp, s.Time.GetUtcNow(), bot.MaxMessageAge))
            return Reject(s, name, $"URL verification timestamp outside the {bot.MaxMessageAge} window (replay?)");
        try
        {
            return TypedResults.Text(bot.Crypto.Decrypt(echostr), "text/plain");
        }
        catch (WeComCryptoException e)
        {
            return Reject(s, name, e.Message);
        }
    }

    public static async Task<Results<Ok, ContentHttpResult, UnauthorizedHttpResult, NotFound, ProblemHttpResult>> WeComAsync(
        string name, [FromQuery(Name = "msg_signature")] string? signature, string? timestamp, string? nonce,
        HttpRequest request, [AsParameters] WebhookServices s, CancellationToken ct)
    {
        if (!s.Registry.WeCom.TryGetValue(name, out var bot)) return TypedResults.NotFound();
        var body = await ReadBodyAsync(request, ct);
        if (body is null) return Problem("body", "larger than 1 MiB");
        // The envelope is not parsed before the signature holds: a linear scan takes Encrypt out, nothing else is read.
        string encrypted;
        try { encrypted = WeComEnvelope.EncryptedPart(Encoding.UTF8.GetString(body)); }
        catch (BotFormatException e) { return Reject(s, name, $"no Encrypt element to verify ({e.Message})"); }
        if (timestamp is null || nonce is null || !bot.Crypto.VerifySignature(signature, timestamp, nonce, encrypted))
            return Reject(s, name, "message signature does not match");
        if (!WeComTimestamp.IsFresh(timestamp, s.Time.GetUtcNow(), bot.MaxMessageAge))
            return Reject(s, name, $"message timestamp outside the {bot.MaxMessageAge} window (replay?)");
        string plain;
        try { plain = bot.Crypto.Decrypt(encrypted); }
        catch (WeComCryptoException e) { return Reject(s, name, e.Message); }

        InboundMessage message;
        try { message = new WeComAdapter(bot.AgentId).Parse(plain); }
        catch (BotFormatException e) { return Problem("message", e.Message); }
        return await StoreAsync(s, name, message, plain, ct)
            ?? (Results<Ok, ContentHttpResult, UnauthorizedHttpResult, NotFound, ProblemHttpResult>)TypedResults.Text("success",
                "text/plain");
    }

    /// <summary>Stores the update as read on arrival (the processor does not read the body again), with its body as evidence.</summary>
    private static async Task<ProblemHttpResult?> StoreAsync(
        WebhookServices s, string bot, InboundMessage message, string body, CancellationToken ct)
    {
        var (platform, key) = (message.Platform, message.UpdateKey);
        try
        {
            await s.Inbox.StoreAsync(bot, message, body, ct);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Not stored, so not acknowledged: the platform delivers it again later. The writer logs the cause once per
            // failed batch; here one line per refused update, without its body.
            s.Log.UpdateNotStored(platform, bot, key, (e.InnerException ?? e).GetType().Name);
            return TypedResults.Problem(title: "update not stored, try again", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static UnauthorizedHttpResult Reject(WebhookServices s, string bot, string reason)
    {
        s.Log.WeComRejected(bot, reason);
        return TypedResults.Unauthorized();
    }

    private static ProblemHttpResult Problem(string field, string problem) =>
        TypedResults.Problem(title: "bad update", detail: $"{field}: {problem}", statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [problem] } });

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct) =>
        request.ContentLength > MaxBody
            ? null
            : await BoundedInput.ReadAllAsync(request.Body, MaxBody, ct, request.ContentLength is { } n ? (int)n : 1024);
}

/// <summary>What every webhook handler needs.</summary>
public sealed record WebhookServices(BotRegistry Registry, InboxWriter Inbox, TimeProvider Time, ILogger<BotRegistry> Log);
