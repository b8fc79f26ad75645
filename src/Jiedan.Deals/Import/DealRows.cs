using Jiedan.Deals.Storage;

namespace Jiedan.Deals.Import;

/// <summary>
/// The columns of deals, stage_events and stage_spans as the migrations create them (column = property name), and a
/// record's values in that order, for writing new deals past EF's change tracker (<see cref="DealBulkInsert"/>).
/// </summary>
internal static class DealRows
{
    public static readonly string[] DealColumns =
    [
        nameof(DealRecord.ExternalId), nameof(DealRecord.Client), nameof(DealRecord.Platform), nameof(DealRecord.Category),
        nameof(DealRecord.Seniority), nameof(DealRecord.BudgetAmount), nameof(DealRecord.BudgetCurrency), nameof(DealRecord.Tags),
        nameof(DealRecord.Notes), nameof(DealRecord.IsDemo), nameof(DealRecord.Stage), nameof(DealRecord.FurthestStageIndex),
        nameof(DealRecord.StageEnteredAt), nameof(DealRecord.LeadDay), nameof(DealRecord.LostReason), nameof(DealRecord.Bottleneck),
        nameof(DealRecord.CreatedAt), nameof(DealRecord.UpdatedAt), nameof(DealRecord.Version),
    ];

    public static readonly string[] EventColumns =
    [
        nameof(StageEventRecord.DealId), nameof(StageEventRecord.Seq), nameof(StageEventRecord.FromStage), nameof(StageEventRecord.ToStage),
        nameof(StageEventRecord.At), nameof(StageEventRecord.Actor), nameof(StageEventRecord.Reason),
    ];

    public static readonly string[] SpanColumns =
    [
        nameof(StageSpanRecord.DealId), nameof(StageSpanRecord.Seq), nameof(StageSpanRecord.Stage), nameof(StageSpanRecord.EnteredDay),
        nameof(StageSpanRecord.LeftDay), nameof(StageSpanRecord.Platform), nameof(StageSpanRecord.Category),
            nameof(StageSpanRecord.Seniority),
        nameof(StageSpanRecord.LeadDay),
    ];

    /// <summary>Fills <paramref name="values"/> from <paramref name="at"/> on (PostgreSQL writes the reserved id before them).</summary>
    public static void Deal(DealRecord d, object?[] values, int at = 0)
    {
        object?[] row =
        [
            d.ExternalId, d.Client, d.Platform, d.Category, d.Seniority, d.BudgetAmount, d.BudgetCurrency, d.Tags, d.Notes, d.IsDemo,
            d.Stage, d.FurthestStageIndex, d.StageEnteredAt, d.LeadDay, d.LostReason, d.Bottleneck, d.CreatedAt, d.UpdatedAt, d.Version,
        ];
        row.CopyTo(values, at);
    }

    public static void Event(StageEventRecord e, object?[] values)
    {
        values[0] = e.DealId; values[1] = e.Seq; values[2] = e.FromStage; values[3] = e.ToStage; values[4] = e.At; values[5] =
            e.Actor; values[6] = e.Reason;
    }

    public static void Span(StageSpanRecord s, object?[] values)
    {
        values[0] = s.DealId; values[1] = s.Seq; values[2] = s.Stage; values[3] = s.EnteredDay; values[4] = s.LeftDay;
        values[5] = s.Platform; values[6] = s.Category; values[7] = s.Seniority; values[8] = s.LeadDay;
    }

    public static string Quoted(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));
}
