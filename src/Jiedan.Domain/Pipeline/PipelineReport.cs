namespace Jiedan.Domain.Pipeline;

/// <summary>Per-stage analytics: time spent in the stage (business days), blocked rate, conversion to the next stage.</summary>
public sealed record StageAnalytics(
    Stage Stage,
    DurationStats Durations,
    long InStageNow,
    long Blocked,
    double BlockedRate,
    long Reached,
    double? ConversionToNext,
    bool IsBottleneck,
    long DealBottlenecks,
    DateOnly? RottingEnteredOnOrBefore);

/// <summary>The pipeline report: what <c>jiedan pipeline report</c>, the API and the analytics page show.</summary>
public sealed record PipelineReport(
    DateOnly AsOf,
    long Deals,
    long Lost,
    IReadOnlyList<StageAnalytics> Stages,
    DurationStats TimeToSign,
    double MedianOfStageMeans,
    IReadOnlyList<string> Bottlenecks,
    IReadOnlyList<FunnelStep> Funnel)
{
    /// <summary>Deals idle in their current stage past that stage's P90; filled in by storage from the cut-off days.</summary>
    public IReadOnlyList<RottingDeal> Rotting { get; init; } = [];
}

public sealed record RottingDeal(long DealId, string Client, string Stage, DateOnly Entered, int IdleBusinessDays, int StageP90);

/// <summary>Deals that reached a stage (or went beyond it), and the share of the first stage's deals that did.</summary>
public sealed record FunnelStep(Stage Stage, long Reached, double ShareOfFirst);
