namespace Jiedan.Domain.Bot;

/// <summary>What kind of thing the client did in the chat.</summary>
public enum InboundKind { Text, ButtonPress, Other }

/// <summary>Who sent an update, as the platform identifies them.</summary>
public sealed record ChatUser(string Id, string DisplayName);

/// <summary>
/// One platform update after its adapter has read it: the only shape the confirmation core sees.
/// <see cref="UpdateKey"/> is the platform's own idempotency key (Telegram <c>update_id</c>, WeCom <c>MsgId</c>).
/// </summary>
public sealed record InboundMessage(
    string Platform,
    string UpdateKey,
    InboundKind Kind,
    string ChatId,
    ChatUser From,
    DateTime SentAtUtc,
    string? Text = null,
    string? ButtonId = null,
    string? ButtonData = null,
    string? SourceMessageId = null)
{
    /// <summary>A conversation is one chat on one platform.</summary>
    public string ConversationKey => Platform + ":" + ChatId;
}
