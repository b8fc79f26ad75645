using Jiedan.Bot.Storage;

namespace Jiedan.Bot.Services;

/// <summary>What happened to one outbox row when it was sent.</summary>
public abstract record SendOutcome
{
    public sealed record Sent : SendOutcome;
    /// <summary>Try again, no earlier than <paramref name="After"/> from now (null: the sender's backoff decides).</summary>
    public sealed record Retry(string Error, TimeSpan? After) : SendOutcome;
    /// <summary>The platform refused it for good.</summary>
    public sealed record Failed(string Error) : SendOutcome;
}

/// <summary>Makes one platform API call from an outbox row. One per platform, like the adapters.</summary>
public interface IPlatformSender
{
    string Platform { get; }
    Task<SendOutcome> SendAsync(OutboxItem item, CancellationToken ct);
}
