namespace Jiedan.Bot.Storage;

/// <summary>
/// One platform update, stored before the webhook answers 200: read once on arrival (<see cref="Kind"/>,
/// <see cref="Message"/>), kept as received (<see cref="Body"/>, evidence only). Unique on (platform, bot, update key),
/// so a redelivered update is recognised and changes nothing.
/// </summary>
public sealed class InboundUpdateRecord
{
    public long Id { get; set; }
    public required string Platform { get; set; }
    public required string Bot { get; set; }
    public required string UpdateKey { get; set; }
    /// <summary>The <see cref="Jiedan.Domain.Bot.InboundKind"/>; null on rows stored before updates were read on arrival.</summary>
    public string? Kind { get; set; }
    /// <summary>The adapter's <see cref="Jiedan.Domain.Bot.InboundMessage"/> as JSON (<see cref="InboundMessageJson"/>).</summary>
    public string? Message { get; set; }
    public required string Body { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public DateTime? ProcessedAtUtc { get; set; }
    /// <summary>What processing did: confirmation, human-queue, reply, ignored, or an error text.</summary>
    public string? Outcome { get; set; }
}

/// <summary>One chat on one platform with one bot.</summary>
public sealed class ConversationRecord
{
    public long Id { get; set; }
    public required string Platform { get; set; }
    public required string Bot { get; set; }
    public required string ChatId { get; set; }
    public required string ClientName { get; set; }
    public DateTime FirstSeenUtc { get; set; }
    public DateTime LastMessageUtc { get; set; }
}

/// <summary>The stored state of a <see cref="Jiedan.Domain.Bot.Confirmation"/>; items and decisions as JSON.</summary>
public sealed class ConfirmationRecord
{
    /// <summary>The id of the inbound update that started it, so buttons can carry it before anything is saved.</summary>
    public long Id { get; set; }
    public long ConversationId { get; set; }
    public required string ChatId { get; set; }
    public int Version { get; set; }
    public required string State { get; set; }
    public required string ItemsJson { get; set; }
    public required string DecisionsJson { get; set; }
    public DateOnly? Deadline { get; set; }
    public decimal? BudgetAmount { get; set; }
    public string? BudgetCurrency { get; set; }
    public int? AmendingItem { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    /// <summary>The deal this requirement belongs to (<c>Jiedan.Deals</c>), once linked in the dashboard.</summary>
    public long? DealId { get; set; }
    /// <summary>Bumped on every save: two instances acting on one confirmation cannot both win.</summary>
    public int Revision { get; set; }
}

/// <summary>One entry of a confirmation's evidence log: never updated, never deleted.</summary>
public sealed class ConfirmationTransitionRecord
{
    public long Id { get; set; }
    public long ConfirmationId { get; set; }
    public int Version { get; set; }
    public required string FromState { get; set; }
    public required string ToState { get; set; }
    public required string Action { get; set; }
    public required string Actor { get; set; }
    public required string Snapshot { get; set; }
    public DateTime AtUtc { get; set; }
    public long? InboundUpdateId { get; set; }
}

/// <summary>A message the bot did not recognise as a requirement: a person answers it from the dashboard.</summary>
public sealed class HumanQueueRecord
{
    public long Id { get; set; }
    public long ConversationId { get; set; }
    public long InboundUpdateId { get; set; }
    public required string ClientName { get; set; }
    public required string Text { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public DateTime? HandledAtUtc { get; set; }
    public string? HandledBy { get; set; }
}

/// <summary>
/// A platform API call waiting to be made. Written in the same transaction as the state change that caused it;
/// a sender claims it with a lease (<see cref="ClaimedBy"/>, <see cref="ClaimedUntilUtc"/>) so that only one
/// instance sends it, and records the result.
/// </summary>
public sealed class OutboxRecord
{
    public long Id { get; set; }
    public required string Platform { get; set; }
    public required string Bot { get; set; }
    public required string Method { get; set; }
    public required string Payload { get; set; }
    public long? InboundUpdateId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public DateTime? FailedAtUtc { get; set; }
    public string? LastError { get; set; }
    public string? SentBy { get; set; }
}
