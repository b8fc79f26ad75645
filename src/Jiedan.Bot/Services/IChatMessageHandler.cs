using Jiedan.Domain.Bot;

namespace Jiedan.Bot.Services;

/// <summary>
/// A chat message the confirmation flow did not act on (a text it would hand to a person, or a button press that is not
/// a confirmation button), as offered to the modules above the bot. <see cref="DealIds"/> are the deals this chat
/// belongs to (through its confirmations), so a handler acts only on what concerns this chat.
/// </summary>
public sealed record ChatMessageContext(string Platform, string Bot, InboundMessage Message, IReadOnlyList<long> DealIds);

/// <summary>What a handler did: the replies to queue (in the bot's own transaction) and the outcome logged on the update.</summary>
public sealed record ChatMessageHandled(IReadOnlyList<OutboundReply> Replies, string Outcome);

/// <summary>
/// The bot's extension point for chat messages it does not handle itself (registered by modules above it, e.g. the
/// incident knowledge base's acknowledgement "收到"), so the bot never depends on them. Called while the inbox processor
/// works through a batch, before that batch commits: if the commit fails the update is offered again, so a handler must
/// be idempotent. An exception fails the batch, which is retried like any database fault.
/// </summary>
public interface IChatMessageHandler
{
    /// <summary>Null when the message is not this handler's; the next handler (or the human queue) gets it.</summary>
    Task<ChatMessageHandled?> HandleAsync(ChatMessageContext context, CancellationToken ct);
}
