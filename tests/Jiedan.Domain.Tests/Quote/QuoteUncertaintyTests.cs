using Jiedan.Domain.Currencies;
using Jiedan.Domain.Deals;
using Jiedan.Domain.Quote;
using Jiedan.Domain.Rates;

namespace Jiedan.Domain.Tests.Quote;

public class QuoteUncertaintyTests
{
    private static QuoteInputs Inputs(long? lines, ProductivityFactors factors) => new(
        Platform.Upwork, SeniorityBand.Senior, MarketRateTable.SeedDefaults.Find(Platform.Upwork, SeniorityBand.Senior)!,
        lines, FunctionPointCount.Of(SampleFeatures.PlaceAndTrack), new SlaTarget(300m, 99.9m), TechDebtRatio.Given(0m),
        LayerWeights.Default, factors, new Dictionary<string, string>(), new DateOnly(2026, 11, 25), 30);

    private static readonly LayerModel Calibrated =
        LayerModel.Linear(15) with { Interval = new EffortInterval(0.8, 0.5, 2.0, 0.81, 77) };

    [Fact]
    public void The_example_quote_and_cocomo_disagree_tenfold_and_say_so()
    {
        // 12 480 lines: COCOMO 2.4 × 12.48^1.05 = 33.98 person-months × 152 h = 5 165.1 h against the blend's 497.3 h.
        var q = QuoteCalculator.Compute(Inputs(12_480, ProductivityFactors.Default) with
        {
            Sla = new SlaTarget(150m, 99.95m), TechDebt = TechDebtRatio.Given(10m),
        });

        Assert.Equal(497.3, q.Breakdown.EffortHours);
        Assert.True(q.CrossCheck!.Disagrees);
        Assert.Equal(q.Cocomo!.EffortHours / 497.3, q.CrossCheck.Ratio, 9);
        Assert.InRange(q.CrossCheck.Ratio, 10.3, 10.4);
    }

    [Theory]
    [InlineData(100, 199, false)]
    [InlineData(100, 200, false)] // exactly 2× is not "more than 2×"
    [InlineData(100, 201, true)]
    [InlineData(100, 51, false)]
    [InlineData(100, 49, true)]   // COCOMO lower by more than half counts too
    public void More_than_twofold_either_way_is_a_disagreement(double blended, double cocomo, bool disagrees)
    {
        var x = new CrossCheck(blended, cocomo);
        Assert.Equal(disagrees, x.Disagrees);
        Assert.Equal(cocomo / blended, x.Ratio, 12);
    }

    [Fact]
    public void Without_a_line_count_there_is_no_cross_check()
    {
        Assert.Null(QuoteCalculator.Compute(Inputs(null, ProductivityFactors.Default)).CrossCheck);
    }

    [Fact]
    public void Default_factors_measured_nothing_so_the_quote_has_no_range()
    {
        var q = QuoteCalculator.Compute(Inputs(null, ProductivityFactors.Default));
        Assert.Null(q.Range);
        Assert.Null(q.RangePrice);
    }

    [Fact]
    public void A_calibrated_layer_gives_the_effort_range_and_the_prices_follow_it()
    {
        // FP only, silver: 435 h, SLA 500.25 h, effort 458.3 h (QuoteCalculatorTests). Every layer scales with the FP hours,
        // so the range is exactly half and double: 229.2 h and 916.6 h; low at $75, high at $120, premium 1.08.
        var q = QuoteCalculator.Compute(Inputs(null, ProductivityFactors.Default with { FunctionPoints = Calibrated }));

        Assert.Equal(new EffortRange(229.2, 458.3, 916.6, 0.8, 0.81, 77), q.Range);
        Assert.Equal(new Money(Math.Round(229.2m * 75m * 1.08m, 2), Currency.Usd), q.RangePrice!.Low);
        Assert.Equal(q.Price.Expected, q.RangePrice.Expected);
        Assert.Equal(new Money(Math.Round(916.6m * 120m * 1.08m, 2), Currency.Usd), q.RangePrice.High);
    }

    [Fact]
    public void A_range_needs_every_layer_in_use_calibrated()
    {
        // The size layer is still the default (no interval): no range rather than a range that pretends to cover it.
        var q = QuoteCalculator.Compute(Inputs(12_480, ProductivityFactors.Default with { FunctionPoints = Calibrated }));
        Assert.Null(q.Range);
    }
}
