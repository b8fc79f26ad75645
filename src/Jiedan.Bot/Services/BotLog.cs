using System.Net;

namespace Jiedan.Bot.Services;

/// <summary>The bot's log lines, source-generated. Causes are logged by type and message only: bodies, payloads and API
/// URLs (with tokens) stay out of the log.</summary>
internal static partial class BotLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram webhook {Bot}: secret token missing or wrong from {Remote}")]
    public static partial void TelegramSecretWrong(this ILogger log, string bot, IPAddress? remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} webhook {Bot}: update {Key} not stored ({Reason}); answered 503")]
    public static partial void UpdateNotStored(this ILogger log, string platform, string bot, string key, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom webhook {Bot}: rejected, {Reason}")]
    public static partial void WeComRejected(this ILogger log, string bot, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot inbox processing resumed after {Failures} failed batches")]
    public static partial void InboxResumed(this ILogger log, int failures);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Bot inbox batch failed ({Failures} in a row): {Error}: {Reason}; retrying in {Ms:0} ms")]
    public static partial void InboxBatchFailed(this ILogger log, int failures, string error, string reason, double ms);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot outbox resumed after {Failures} failed rounds")]
    public static partial void OutboxResumed(this ILogger log, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot outbox round failed ({Failures} in a row): {Error}: {Reason}; "
        + "claimed rows return after their lease; retrying in {Ms:0} ms")]
    public static partial void OutboxRoundFailed(this ILogger log, int failures, string error, string reason, double ms);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot outbox {Id} ({Platform} {Method}): {Error}; retry in {Seconds:0.0} s")]
    public static partial void OutboxRetry(this ILogger log, long id, string platform, string method, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Bot outbox {Id} ({Platform} {Method}): giving up after {Attempts} attempts: {Error}")]
    public static partial void OutboxGaveUp(this ILogger log, long id, string platform, string method, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot outbox {Id} ({Platform} {Method}): refused: {Error}")]
    public static partial void OutboxRefused(this ILogger log, long id, string platform, string method, string error);
}
