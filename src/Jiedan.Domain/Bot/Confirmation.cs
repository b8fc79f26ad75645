using Jiedan.Domain.Currencies;

namespace Jiedan.Domain.Bot;

public enum ConfirmationState { Draft, Sent, Confirmed, AmendRequested, Expired }

public enum ItemDecision { Pending, Confirmed, AmendRequested }

/// <summary>
/// A requirement sent back to the client for confirmation. <see cref="Version"/> grows each time a new text is
/// sent, so a button pressed under an older message can be recognised and refused.
/// <see cref="AmendingItem"/> is the item the client asked to change (0 = the whole requirement).
/// </summary>
public sealed record Confirmation(
    long Id,
    string ConversationKey,
    string ChatId,
    int Version,
    ConfirmationState State,
    IReadOnlyList<RequirementItem> Items,
    IReadOnlyList<ItemDecision> Decisions,
    DateOnly? Deadline,
    Money? Budget,
    int? AmendingItem,
    DateTime CreatedAtUtc,
    DateTime ExpiresAtUtc)
{
    public bool IsOpen => State is ConfirmationState.Draft or ConfirmationState.Sent or ConfirmationState.AmendRequested;

    public bool IsExpiredAt(DateTime nowUtc) => IsOpen && nowUtc >= ExpiresAtUtc;
}

/// <summary>
/// One step in a confirmation's life, with the exact text the client saw (or wrote) at that moment and who acted:
/// the evidence a contract can point to.
/// </summary>
public sealed record ConfirmationTransition(
    long ConfirmationId,
    int Version,
    ConfirmationState From,
    ConfirmationState To,
    string Action,
    string Actor,
    string Snapshot,
    DateTime AtUtc);
