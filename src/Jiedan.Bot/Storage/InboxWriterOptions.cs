namespace Jiedan.Bot.Storage;

/// <summary>Tunables of the webhook inbox writer (<c>Bots:Inbox</c>).</summary>
public sealed class InboxWriterOptions
{
    /// <summary>
    /// How long one commit may wait for the database (SQLite's lock, a command): past it the webhook answers 503 and
    /// the platform delivers again, rather than the request hanging until the platform gives up.
    /// </summary>
    public TimeSpan StoreTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest pause between attempts while the database is unavailable; meanwhile webhooks answer 503 at once.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>The inbox could not store an update just now; nothing was stored, the caller answers 503.</summary>
public sealed class InboxUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
