using Jiedan.Domain.Deals;
using Jiedan.Domain.Pipeline;

namespace Jiedan.Domain.Tests.Pipeline;

public class PipelineStagesTests
{
    private static readonly PipelineStages Stages = PipelineStages.Default;

    [Fact]
    public void Default_order_is_the_specs()
    {
        Assert.Equal(["Lead", "FirstResponse", "ProposalConfirmed", "LegalReview", "StampApproval", "Signed", "Delivering", "Delivered",
            "Accepted"],
            Stages.Ordered.Select(s => s.Key));
        Assert.Equal("法务初审", Stages.Ordered[3].Chinese);
    }

    [Theory]
    [InlineData("Lead", "FirstResponse", null, null)]
    [InlineData("Lead", "Signed", null, null)]
    [InlineData("Signed", "Lead", null, "cannot move back from Signed to Lead: stages only move forward")]
    [InlineData("Lead", "Lost", null, "moving to Lost needs a reason")]
    [InlineData("Lead", "Lost", "no budget", null)]
    [InlineData("Accepted", "Lost", "late", "the deal is already Accepted and cannot move")]
    [InlineData("Lost", "Lead", null, "the deal is already Lost and cannot move")]
    [InlineData("Lead", "Nowhere", null, "unknown stage 'Nowhere'")]
    public void Moves_go_forward_or_to_lost_with_a_reason(string from, string to, string? reason, string? problem)
    {
        var actual = Stages.CheckMove(from, to, reason);
        if (problem is null) Assert.Null(actual);
        else
        {
            Assert.StartsWith(problem, actual!.Message);
            Assert.Equal(problem.Contains("reason", StringComparison.Ordinal) ? "reason" : "stage", actual.Field);
        }
    }

    [Fact]
    public void A_transition_earlier_than_the_previous_one_is_refused()
    {
        var t0 = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var events = new List<StageEvent> { new(1, null, "Lead", t0, "me") };
        Assert.Null(DealTimeline.CheckNext(events, "FirstResponse", t0.AddHours(1), null, Stages));
        var problem = DealTimeline.CheckNext(events, "FirstResponse", t0.AddHours(-1), null, Stages);
        Assert.Equal("at", problem!.Field);
        Assert.StartsWith("transition at 2026-03-02T08:00:00", problem.Message);
    }

    [Fact]
    public void Spans_measure_business_days_and_the_deal_bottleneck()
    {
        var t = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero); // Monday
        var events = new List<StageEvent>
        {
            new(1, null, "Lead", t, "me"),
            new(2, "Lead", "FirstResponse", t.AddDays(1), "me"),          // Lead: 1
            new(3, "FirstResponse", "ProposalConfirmed", t.AddDays(3), "me"), // FirstResponse: 2
            new(4, "ProposalConfirmed", "LegalReview", t.AddDays(14), "me"), // ProposalConfirmed: Thu 5 → Mon 16 = 7
        };
        var spans = DealTimeline.Spans(events, Jiedan.Domain.Calendar.BusinessCalendar.WeekdaysUtc);
        Assert.Equal([1, 2, 7], spans.Where(s => s.BusinessDays is not null).Select(s => s.BusinessDays!.Value));
        Assert.Null(spans[^1].Left);
        // Median of 1, 2, 7 is 2; 7 > 4 → ProposalConfirmed is this deal's bottleneck.
        Assert.Equal("ProposalConfirmed", DealTimeline.Bottleneck(spans));
    }

    [Fact]
    public void Demo_portfolio_is_deterministic_and_valid()
    {
        var calendar = Jiedan.Domain.Calendar.BusinessCalendar.WeekdaysUtc;
        var a = DemoPortfolio.Generate(new DateOnly(2026, 11, 25), calendar, Stages);
        var b = DemoPortfolio.Generate(new DateOnly(2026, 11, 25), calendar, Stages);
        Assert.Equal(137, a.Count);
        Assert.Equal(a.Select(d => d.Events.Count), b.Select(d => d.Events.Count));
        foreach (var deal in a)
        {
            Assert.True(deal.Draft.IsDemo);
            for (var i = 1; i < deal.Events.Count; i++)
                Assert.Null(DealTimeline.CheckNext(deal.Events.Take(i).ToList(), deal.Events[i].To, deal.Events[i].At,
                    deal.Events[i].Reason, Stages));
        }
        Assert.Contains(a, d => d.Events[^1].To == "Lost");
        Assert.Contains(a, d => d.Events[^1].To == "Accepted");
    }
}
