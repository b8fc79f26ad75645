namespace Jiedan.Domain.Deals;

/// <summary>An immutable, timestamped stage transition. <see cref="From"/> is null for the event that opens a deal.</summary>
public sealed record StageEvent(int Sequence, string? From, string To, DateTimeOffset At, string Actor, string? Reason = null);
