using Jiedan.Bot.Storage;
using Jiedan.Domain.Bot.Telegram;

namespace Jiedan.Bot.Tests.Storage;

/// <summary>Stores a Telegram update the way the webhook does: read once by the adapter, kept with its body.</summary>
internal static class InboxWriterExtensions
{
    private static readonly TelegramAdapter Adapter = new();

    public static Task StoreTelegramAsync(this InboxWriter writer, string bot, string body, CancellationToken ct) =>
        writer.StoreAsync(bot, Adapter.Parse(body), body, ct);
}
