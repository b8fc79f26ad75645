using Jiedan.Domain.Calendar;
using Jiedan.Domain.Pipeline;

namespace Jiedan.Domain.Tests.Pipeline;

public class PipelineAnalyzerTests
{
    private static readonly PipelineStages Abcd = new(
    [
        new Stage("A", "A", "甲", BlockedAfterBusinessDays: 5),
        new Stage("B", "B", "乙", BlockedAfterBusinessDays: 3),
        new Stage("C", "C", "丙"),
        new Stage("D", "D", "丁"),
    ]);

    private static readonly DateOnly Mon = new(2026, 3, 2); // a Monday; no holidays on the weekday calendar
    private static DateOnly Plus(int businessDaysWithinWeek) => Mon.AddDays(businessDaysWithinWeek);

    private static PipelineReport HandWorked()
    {
        // Closed spans. A: 1, 2, 3, 20 business days (Mon 2 Mar + 4 weeks = Mon 30 Mar is 20). B: 2, 2, 4. C: 1.
        var spans = new List<SpanFact>
        {
            new("A", Mon, Plus(1), 1), new("A", Mon, Plus(2), 1), new("A", Mon, Plus(3), 1), new("A", Mon, new DateOnly(2026, 3, 30), 1),
            new("B", Mon, Plus(2), 2), new("B", Mon, Plus(4), 1),
            new("C", Mon, Plus(1), 1),
            // Open spans as of Mon 16 Mar: one deal idle in A and one in B for 10 business days.
            new("A", Mon, null, 1), new("B", Mon, null, 1),
        };
        var furthest = new Dictionary<string, long> { ["A"] = 1, ["B"] = 2, ["C"] = 1, ["D"] = 1 };
        var signatures = new List<SignFact> { new(Mon, Plus(4), 1), new(Mon, new DateOnly(2026, 3, 16), 1) };
        var facts = new PipelineFacts(spans, furthest, signatures, new Dictionary<string, long> { ["A"] = 1 }, Deals: 5, Lost: 1);
        return new PipelineAnalyzer(Abcd, BusinessCalendar.WeekdaysUtc).Analyze(facts, new DateOnly(2026, 3, 16));
    }

    [Fact]
    public void Stage_statistics_match_the_hand_worked_figures()
    {
        var a = HandWorked().Stages.Single(s => s.Stage.Key == "A");
        Assert.Equal(4, a.Durations.Count);
        Assert.Equal(6.5, a.Durations.Mean, 10);
        Assert.Equal(9.0370, a.Durations.StandardDeviation, 4);
        Assert.Equal(20, a.Durations.P90);
        Assert.Equal(1, a.InStageNow);
    }

    [Fact]
    public void Blocked_rate_counts_closed_and_still_open_deals_past_the_threshold()
    {
        var r = HandWorked();
        // A (threshold 5): closed 20 > 5, open idle 10 > 5 → 2 of 5.
        Assert.Equal(0.4, r.Stages.Single(s => s.Stage.Key == "A").BlockedRate, 10);
        // B (threshold 3): closed 4 > 3, open 10 > 3 → 2 of 4.
        Assert.Equal(0.5, r.Stages.Single(s => s.Stage.Key == "B").BlockedRate, 10);
    }

    [Fact]
    public void Bottleneck_is_a_stage_above_twice_the_median_of_stage_means()
    {
        var r = HandWorked();
        // Means: A 6.5, B 8/3 ≈ 2.667, C 1 → median 2.667, 2× = 5.333: only A is above.
        Assert.Equal(8.0 / 3, r.MedianOfStageMeans, 10);
        Assert.Equal(["A"], r.Bottlenecks);
        Assert.True(r.Stages.Single(s => s.Stage.Key == "A").IsBottleneck);
        Assert.Equal(1, r.Stages.Single(s => s.Stage.Key == "A").DealBottlenecks);
    }

    [Fact]
    public void Funnel_counts_deals_that_reached_a_stage_or_went_beyond()
    {
        var r = HandWorked();
        // Furthest stage: A 1, B 2, C 1, D 1 → reached A 5, B 4, C 2, D 1.
        Assert.Equal([5L, 4, 2, 1], r.Funnel.Select(f => f.Reached));
        Assert.Equal([0.8, 0.5, 0.5], r.Stages.Select(s => s.ConversionToNext!.Value));
        Assert.Equal(0.2, r.Funnel[^1].ShareOfFirst, 10);
    }

    [Fact]
    public void Rotting_cut_off_is_the_latest_entry_idle_past_the_stage_P90()
    {
        var r = HandWorked();
        // B's P90 is 4 (⌈0.9·3⌉ = 3rd of 2, 2, 4); its open deal is idle 10 → rotting. A's P90 is 20; idle 10 is not.
        Assert.Equal(Mon, r.Stages.Single(s => s.Stage.Key == "B").RottingEnteredOnOrBefore);
        Assert.Null(r.Stages.Single(s => s.Stage.Key == "A").RottingEnteredOnOrBefore);
    }

    [Fact]
    public void Time_to_sign_is_measured_in_business_days()
    {
        var r = HandWorked();
        // Mon → Fri = 4, Mon 2 Mar → Mon 16 Mar = 10.
        Assert.Equal(7.0, r.TimeToSign.Mean, 10);
        Assert.Equal(10, r.TimeToSign.P90);
    }

    [Fact]
    public void Reproduces_the_seed_articles_reference_table_shape()
    {
        // The seed's sample: first response → proposal confirmed 3.2 / 1.8 / 6; proposal → legal review 5.7 / 4.1 / 12.
        // Ten deals per stage whose durations have exactly those statistics (worked out by hand):
        // 1,1,2,2,3,3,4,4,6,6: Σ=32, Σ(x−x̄)² = 29.6, sd = √(29.6/9) = 1.81, P90 = 9th = 6.
        // 1,2,3,3,4,5,6,8,12,13: Σ=57, Σ(x−x̄)² = 152.1, sd = √(152.1/9) = 4.11, P90 = 9th = 12.
        int[] firstResponse = [1, 1, 2, 2, 3, 3, 4, 4, 6, 6];
        int[] proposal = [1, 2, 3, 3, 4, 5, 6, 8, 12, 13];
        var calendar = BusinessCalendar.WeekdaysUtc;
        var spans = firstResponse.Select(d => new SpanFact("FirstResponse", Mon, calendar.AddBusinessDays(Mon, d), 1))
            .Concat(proposal.Select(d => new SpanFact("ProposalConfirmed", Mon, calendar.AddBusinessDays(Mon, d), 1))).ToList();
        var facts = new PipelineFacts(spans, new Dictionary<string, long>(), [], new Dictionary<string, long>(), 10, 0);
        var report = new PipelineAnalyzer(PipelineStages.Default, calendar).Analyze(facts, new DateOnly(2026, 6, 1));

        string Row(string key)
        {
            var s = report.Stages.Single(x => x.Stage.Key == key).Durations;
            return FormattableString.Invariant($"{s.Mean:0.0} / {s.StandardDeviation:0.0} / {s.P90}");
        }
        Assert.Equal("3.2 / 1.8 / 6", Row("FirstResponse"));
        Assert.Equal("5.7 / 4.1 / 12", Row("ProposalConfirmed"));
    }
}
