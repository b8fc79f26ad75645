namespace Jiedan.Domain.Bot;

/// <summary>A call to a platform's API, ready to be stored in the outbox and sent as is.</summary>
public sealed record PlatformPayload(string Method, string Json);

/// <summary>
/// Everything platform-specific about messages: reading an update, writing a reply. Verification of the
/// request (secret token, signature) happens before an adapter ever sees the body. Adding a platform is one adapter.
/// </summary>
public interface IBotAdapter
{
    /// <summary>Lower-case platform name used in routes, keys and the outbox: <c>telegram</c>, <c>wecom</c>.</summary>
    string Platform { get; }

    /// <exception cref="BotFormatException">the body is not an update this platform sends.</exception>
    InboundMessage Parse(string body);

    /// <summary>The API call delivering <paramref name="reply"/>, or null when the platform has nothing to do for it.</summary>
    PlatformPayload? Build(OutboundReply reply);
}

/// <summary>An update that cannot be read; the message names the field.</summary>
public sealed class BotFormatException(string message) : Exception(message);
