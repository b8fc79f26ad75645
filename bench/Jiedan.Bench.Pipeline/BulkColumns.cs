using Jiedan.Deals.Storage;

namespace Jiedan.Bench.Pipeline;

/// <summary>The columns of the three tables as the migrations create them, and a record's values in that order.</summary>
public static class BulkColumns
{
    public static readonly (string Table, string[] Columns) Deals = ("deals",
    [
        "Id", "ExternalId", "Client", "Platform", "Category", "Seniority", "BudgetAmount", "BudgetCurrency", "Tags", "Notes", "IsDemo",
        "Stage", "FurthestStageIndex", "StageEnteredAt", "LeadDay", "LostReason", "Bottleneck", "CreatedAt", "UpdatedAt", "Version",
    ]);

    public static readonly (string Table, string[] Columns) Events =
        ("stage_events", ["Id", "DealId", "Seq", "FromStage", "ToStage", "At", "Actor", "Reason"]);

    public static readonly (string Table, string[] Columns) Spans = ("stage_spans",
        ["DealId", "Seq", "Stage", "EnteredDay", "LeftDay", "Platform", "Category", "Seniority", "LeadDay"]);

    public static object?[] DealValues(DealRecord d) =>
    [
        d.Id, d.ExternalId, d.Client, d.Platform, d.Category, d.Seniority, d.BudgetAmount, d.BudgetCurrency, d.Tags, d.Notes, d.IsDemo,
        d.Stage, d.FurthestStageIndex, d.StageEnteredAt, d.LeadDay, d.LostReason, d.Bottleneck, d.CreatedAt, d.UpdatedAt, d.Version,
    ];

    public static object?[] EventValues(long id, StageEventRecord e) =>
        [id, e.DealId, e.Seq, e.FromStage, e.ToStage, e.At, e.Actor, e.Reason];

    public static object?[] SpanValues(StageSpanRecord s) =>
        [s.DealId, s.Seq, s.Stage, s.EnteredDay, s.LeftDay, s.Platform, s.Category, s.Seniority, s.LeadDay];
}
