using Jiedan.Domain.Quote;

namespace Jiedan.Domain.Tests.Quote;

public class FunctionPointTests
{
    // IFPUG Counting Practices Manual 4.3, Part 1: unadjusted function point weights.
    [Theory]
    [InlineData(FunctionType.EI, 3, 4, 6)]
    [InlineData(FunctionType.EO, 4, 5, 7)]
    [InlineData(FunctionType.EQ, 3, 4, 6)]
    [InlineData(FunctionType.ILF, 7, 10, 15)]
    [InlineData(FunctionType.EIF, 5, 7, 10)]
    public void Weights_are_the_IFPUG_table(FunctionType type, int low, int average, int high)
    {
        Assert.Equal(low, FunctionPointWeights.Of(type, FunctionComplexity.Low));
        Assert.Equal(average, FunctionPointWeights.Of(type, FunctionComplexity.Average));
        Assert.Equal(high, FunctionPointWeights.Of(type, FunctionComplexity.High));
    }

    [Fact]
    public void Chain_splits_on_any_arrow()
    {
        Assert.Equal(["OrderCreated", "InventoryDeduct", "ShipmentScheduled"],
            FeatureChain.SplitChain("OrderCreated → InventoryDeduct -> ShipmentScheduled"));
    }

    [Fact]
    public void A_step_shared_by_two_chains_is_counted_once()
    {
        // Place order: EI avg 4 + ILF avg 10 + EO high 7 = 21.
        // Track order: ShipmentScheduled again (already counted) + EQ low 3 + EIF low 5 = 8 new points.
        var count = FunctionPointCount.Of(SampleFeatures.PlaceAndTrack);

        Assert.Equal(29, count.Total);
        Assert.Equal([21, 8], count.Features.Select(f => f.NewPoints));
        Assert.Equal(10, count.TotalOf(FunctionType.ILF));
        Assert.Equal(["Place order", "Track order"], count.Steps.Single(s => s.Step.Name == "ShipmentScheduled").Features);
    }

    [Fact]
    public void The_same_event_rated_two_ways_is_refused()
    {
        var a = new FeatureChain("A", [new EventStep("OrderCreated", FunctionType.EI, FunctionComplexity.Low)]);
        var b = new FeatureChain("B", [new EventStep("OrderCreated", FunctionType.EI, FunctionComplexity.High)]);

        var e = Assert.Throws<ArgumentException>(() => FunctionPointCount.Of([a, b]));
        Assert.Contains("OrderCreated", e.Message);
    }
}

internal static class SampleFeatures
{
    public static readonly FeatureChain[] PlaceAndTrack =
    [
        new("Place order",
        [
            new EventStep("OrderCreated", FunctionType.EI, FunctionComplexity.Average),
            new EventStep("InventoryDeduct", FunctionType.ILF, FunctionComplexity.Average),
            new EventStep("ShipmentScheduled", FunctionType.EO, FunctionComplexity.High),
        ]),
        new("Track order",
        [
            new EventStep("ShipmentScheduled", FunctionType.EO, FunctionComplexity.High),
            new EventStep("TrackingQueried", FunctionType.EQ, FunctionComplexity.Low),
            new EventStep("CarrierFeed", FunctionType.EIF, FunctionComplexity.Low),
        ]),
    ];
}
