namespace Jiedan.Domain.Bot;

/// <summary>
/// What the core decided for one inbound message: the confirmations whose state changed (an expired one and a new
/// one can both change at once),
/// the transitions to log, the replies to put in the outbox, and whether a person should look at it.
/// </summary>
public sealed record BotDecision(
    IReadOnlyList<Confirmation> Confirmations,
    IReadOnlyList<ConfirmationTransition> Transitions,
    IReadOnlyList<OutboundReply> Replies,
    bool ToHumanQueue)
{
    /// <summary>The confirmation this message ended up acting on, if any.</summary>
    public Confirmation? Confirmation => Confirmations.Count > 0 ? Confirmations[^1] : null;

    public static BotDecision HumanQueue(params OutboundReply[] replies) => new([], [], replies, true);
    public static BotDecision ReplyOnly(params OutboundReply[] replies) => new([], [], replies, false);
}
