namespace Jiedan.Deals.Storage;

/// <summary>Filters shared by the deal list, the pipeline report and exports. Null means "any".</summary>
public sealed record DealQuery
{
    public string? Platform { get; init; }
    public string? Category { get; init; }
    public string? Seniority { get; init; }
    public string? Stage { get; init; }
    /// <summary>Deals whose lead arrived on or after this date.</summary>
    public DateOnly? From { get; init; }
    /// <summary>Deals whose lead arrived before this date.</summary>
    public DateOnly? To { get; init; }
    public string? Search { get; init; }
    /// <summary>Deals carrying this tag (one of their comma-separated tags, exactly).</summary>
    public string? Tag { get; init; }
    public int Limit { get; init; } = 500;
}
