using Jiedan.Domain.Calendar;

namespace Jiedan.Domain.Pipeline;

/// <summary>
/// Turns aggregated facts into the pipeline report. Bottleneck rule (from the seed article): a stage whose mean time
/// is more than twice the median of the stage means, over the portfolio; per deal the same rule is applied to the
/// deal's own stage durations (<see cref="DealBottleneck"/>).
/// </summary>
public sealed class PipelineAnalyzer(PipelineStages stages, BusinessCalendar calendar)
{
    public PipelineReport Analyze(PipelineFacts facts, DateOnly asOf)
    {
        var closed = stages.Measured.ToDictionary(s => s.Key, _ => new Dictionary<int, long>(), StringComparer.OrdinalIgnoreCase);
        var open = stages.Measured.ToDictionary(s => s.Key, _ => new List<(DateOnly Entered, int Idle, long Count)>(),
            StringComparer.OrdinalIgnoreCase);
        foreach (var f in facts.Spans)
        {
            if (!closed.TryGetValue(f.Stage, out var histogram)) continue;
            if (f.Left is { } left)
            {
                var days = calendar.BusinessDaysBetween(f.Entered, left);
                histogram[days] = histogram.GetValueOrDefault(days) + f.Count;
            }
            else open[f.Stage].Add((f.Entered, calendar.BusinessDaysBetween(f.Entered, asOf), f.Count));
        }

        var reached = CumulativeReached(facts.FurthestStageCounts);
        var stats = stages.Measured.ToDictionary(s => s.Key, s => DurationStats.FromHistogram(closed[s.Key]),
            StringComparer.OrdinalIgnoreCase);
        var means = stats.Values.Where(s => s.Count > 0).Select(s => s.Mean).Order().ToList();
        var medianOfMeans = Median(means);
        var bottlenecks = stats.Where(p => p.Value.Count > 0 && medianOfMeans > 0 && p.Value.Mean > 2 * medianOfMeans).Select(p => p.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var rows = new List<StageAnalytics>();
        var measured = stages.Measured.ToList();
        for (var i = 0; i < measured.Count; i++)
        {
            var stage = measured[i];
            var s = stats[stage.Key];
            var openSpans = open[stage.Key];
            var threshold = stage.BlockedAfterBusinessDays;
            var blocked = closed[stage.Key].Where(p => p.Key > threshold).Sum(p => p.Value)
                + openSpans.Where(o => o.Idle > threshold).Sum(o => o.Count);
            var observed = s.Count + openSpans.Sum(o => o.Count);
            var rottingCutoff = s.Count == 0 ? (DateOnly?)null : openSpans.Where(o => o.Idle > s.P90).Select(o => (DateOnly?)o.Entered)
                .Max();
            var reachedHere = reached.GetValueOrDefault(stage.Key);
            var reachedNext = reached.GetValueOrDefault(stages.Ordered[i + 1].Key);
            rows.Add(new StageAnalytics(
                stage, s, openSpans.Sum(o => o.Count), blocked, observed == 0 ? 0 : (double)blocked / observed,
                reachedHere, reachedHere == 0 ? null : (double)reachedNext / reachedHere,
                bottlenecks.Contains(stage.Key), facts.DealBottlenecks.GetValueOrDefault(stage.Key), rottingCutoff));
        }

        var signHistogram = new Dictionary<int, long>();
        foreach (var f in facts.Signatures)
        {
            var days = calendar.BusinessDaysBetween(f.Lead, f.Signed);
            signHistogram[days] = signHistogram.GetValueOrDefault(days) + f.Count;
        }

        return new PipelineReport(asOf, facts.Deals, facts.Lost, rows, DurationStats.FromHistogram(signHistogram), medianOfMeans,
            rows.Where(r => r.IsBottleneck).Select(r => r.Stage.Key).ToList(),
            stages.Ordered.Select(st => new FunnelStep(st, reached.GetValueOrDefault(st.Key),
                reached.GetValueOrDefault(stages.First.Key) == 0
                    ? 0 : (double)reached.GetValueOrDefault(st.Key) / reached[stages.First.Key])).ToList());
    }

    /// <summary>Deals that reached each stage or went beyond it (stages only move forward).</summary>
    private Dictionary<string, long> CumulativeReached(IReadOnlyDictionary<string, long> furthest)
    {
        var result = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        long running = 0;
        for (var i = stages.Ordered.Count - 1; i >= 0; i--)
        {
            running += furthest.GetValueOrDefault(stages.Ordered[i].Key);
            result[stages.Ordered[i].Key] = running;
        }
        return result;
    }

    internal static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count == 0 ? 0 : sorted.Count % 2 == 1
            ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
