namespace Jiedan.Deals.Storage;

/// <summary>A deal row. Attributes used to slice analytics are copied onto its spans (see <see cref="StageSpanRecord"/>).</summary>
public sealed class DealRecord
{
    public long Id { get; set; }
    public string? ExternalId { get; set; }
    public required string Client { get; set; }
    public required string Platform { get; set; }
    public required string Category { get; set; }
    public required string Seniority { get; set; }
    public decimal? BudgetAmount { get; set; }
    public string? BudgetCurrency { get; set; }
    public string Tags { get; set; } = "";
    public string? Notes { get; set; }
    public bool IsDemo { get; set; }
    public required string Stage { get; set; }
    public int FurthestStageIndex { get; set; }
    public DateTime StageEnteredAt { get; set; }
    public int LeadDay { get; set; }
    public string? LostReason { get; set; }
    public string? Bottleneck { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency: a move names the version it saw; a stale one gets 409.</summary>
    public int Version { get; set; }
    public List<StageEventRecord> Events { get; set; } = [];
    public List<StageSpanRecord> Spans { get; set; } = [];
}

/// <summary>An immutable transition. Never updated or deleted.</summary>
public sealed class StageEventRecord
{
    public long Id { get; set; }
    public long DealId { get; set; }
    public int Seq { get; set; }
    public string? FromStage { get; set; }
    public required string ToStage { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// Time in one stage, derived from the events and kept for analytics: days are calendar-day numbers in the
/// calendar's time zone, so a million deals aggregate with one GROUP BY and business days are counted afterwards.
/// </summary>
public sealed class StageSpanRecord
{
    public long DealId { get; set; }
    public int Seq { get; set; }
    public required string Stage { get; set; }
    public int EnteredDay { get; set; }
    public int? LeftDay { get; set; }
    public required string Platform { get; set; }
    public required string Category { get; set; }
    public required string Seniority { get; set; }
    public int LeadDay { get; set; }
}

/// <summary>The audit trail of edits: one row per changed attribute, written with the edit. Never updated.</summary>
public sealed class DealChangeRecord
{
    public long Id { get; set; }
    public long DealId { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
