using Jiedan.Deals.Storage;
using Jiedan.Domain.Time;

namespace Jiedan.Deals.Api;

public sealed record CreateDealRequest(
    string? Client, string? Platform, string? Category, string? Seniority,
    decimal? Budget, string? Currency, string[]? Tags, string? Notes, string? ExternalId, string? Stage, DateTimeOffset? At);

public sealed record MoveDealRequest(string? Stage, int? Version, DateTimeOffset? At, string? Reason);

public sealed record StageEventDto(int Seq, string? From, string To, DateTime At, string Actor, string? Reason);

public sealed record DealDto(
    long Id, string? ExternalId, string Client, string Platform, string Category, string Seniority,
    decimal? Budget, string? Currency, string[] Tags, string? Notes, bool IsDemo, string Stage, DateTime StageEnteredAt,
    string? LostReason, string? Bottleneck, int Version, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<StageEventDto>? Events)
{
    public static DealDto From(DealRecord d, bool withEvents = false) => new(
        d.Id, d.ExternalId, d.Client, d.Platform, d.Category, d.Seniority, d.BudgetAmount, d.BudgetCurrency,
        d.Tags.Length == 0 ? [] : d.Tags.Split(','), d.Notes, d.IsDemo, d.Stage, Utc(d.StageEnteredAt), d.LostReason, d.Bottleneck,
        d.Version, Utc(d.CreatedAt), Utc(d.UpdatedAt),
        withEvents ? d.Events.OrderBy(e => e.Seq)
            .Select(e => new StageEventDto(e.Seq, e.FromStage, e.ToStage, Utc(e.At), e.Actor, e.Reason)).ToList() : null);

    private static DateTime Utc(DateTime t) => t.AsUtc();
}

/// <summary>One changed field of a deal's history; values as text, null when empty.</summary>
public sealed record DealChangeDto(long Id, DateTime At, string Actor, string Field, string? OldValue, string? NewValue)
{
    public static DealChangeDto From(DealChangeRecord c) => new(c.Id, c.At.AsUtc(), c.Actor, c.Field, c.OldValue, c.NewValue);
}

public sealed record ImportResultDto(int Rows, int DealsCreated, int EventsAdded, int EventsAlreadyPresent);
