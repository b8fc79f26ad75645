using Jiedan.Domain.Currencies;

namespace Jiedan.Domain.Bot;

/// <summary>One numbered thing the client asked for, and how they will check it was done.</summary>
public sealed record RequirementItem(int Number, string Text, string? Acceptance);

/// <summary>A requirement as read from a chat message: its items and, where the client gave them, deadline and budget.</summary>
public sealed record RequirementDraft(IReadOnlyList<RequirementItem> Items, DateOnly? Deadline, Money? Budget);
