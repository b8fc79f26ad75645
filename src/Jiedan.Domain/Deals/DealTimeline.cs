using Jiedan.Domain.Calendar;
using Jiedan.Domain.Pipeline;

namespace Jiedan.Domain.Deals;

/// <summary>Time a deal spent in one stage; <see cref="Left"/> is null while it is still there.</summary>
public sealed record StageSpan(int Sequence, string Stage, DateTimeOffset Entered, DateTimeOffset? Left, int? BusinessDays);

/// <summary>Derives stage spans from a deal's events and checks that a new event may follow them.</summary>
public static class DealTimeline
{
    public static IReadOnlyList<StageSpan> Spans(IReadOnlyList<StageEvent> events, BusinessCalendar calendar)
    {
        var spans = new List<StageSpan>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].To == PipelineStages.LostKey) continue;
            var left = i + 1 < events.Count ? events[i + 1].At : (DateTimeOffset?)null;
            spans.Add(new StageSpan(events[i].Sequence, events[i].To, events[i].At, left,
                left is { } l ? calendar.BusinessDaysBetween(events[i].At, l) : null));
        }
        return spans;
    }

    /// <summary>Why <paramref name="next"/> cannot follow <paramref name="events"/>, or null when it can.</summary>
    public static TransitionProblem? CheckNext(IReadOnlyList<StageEvent> events, string to, DateTimeOffset at, string? reason,
        PipelineStages stages)
    {
        if (DealFieldLimits.Check("reason", reason, DealFieldLimits.Reason) is { } tooLong) return new("reason", tooLong);
        var last = events.Count == 0 ? null : events[^1];
        if (stages.CheckMove(last?.To, to, reason) is { } problem) return problem;
        if (last is not null && at < last.At)
            return new("at",
                $"transition at {at:yyyy-MM-dd'T'HH:mm:ssK} is earlier than the previous one ({last.At:yyyy-MM-dd'T'HH:mm:ssK})");
        return null;
    }

    /// <summary>The per-deal bottleneck over the deal's closed spans (see <see cref="DealBottleneck"/>).</summary>
    public static string? Bottleneck(IReadOnlyList<StageSpan> spans) =>
        DealBottleneck.Find(spans.Where(s => s.BusinessDays is not null).Select(s => (s.Stage, s.BusinessDays!.Value)).ToList());
}
