namespace Jiedan.Domain.Pipeline;

/// <summary>The seed's rule for one deal: a stage whose duration is more than twice the median of the deal's stage durations.</summary>
public static class DealBottleneck
{
    /// <summary>The worst such stage, or null when none passes the rule (or fewer than two stages were measured).</summary>
    public static string? Find(IReadOnlyList<(string Stage, int BusinessDays)> durations)
    {
        if (durations.Count < 2) return null;
        var median = PipelineAnalyzer.Median(durations.Select(d => (double)d.BusinessDays).Order().ToList());
        var worst = durations.MaxBy(d => d.BusinessDays);
        return worst.BusinessDays > 2 * median && worst.BusinessDays > 0 ? worst.Stage : null;
    }
}
