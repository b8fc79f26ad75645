using Jiedan.Domain.Currencies;
using Jiedan.Domain.Deals;
using Jiedan.Domain.Quote;
using Jiedan.Domain.Rates;

namespace Jiedan.Domain.Tests.Quote;

public class QuoteCalculatorTests
{
    private static QuoteInputs Inputs(long? lines, decimal p99, decimal uptime, decimal debtPercent) => new(
        Platform.Upwork, SeniorityBand.Senior, MarketRateTable.SeedDefaults.Find(Platform.Upwork, SeniorityBand.Senior)!,
        lines, FunctionPointCount.Of(SampleFeatures.PlaceAndTrack), new SlaTarget(p99, uptime), TechDebtRatio.Given(debtPercent),
        LayerWeights.Default, ProductivityFactors.Default, new Dictionary<string, string>(), new DateOnly(2026, 11, 25), 30);

    [Fact]
    public void A_full_quote_worked_by_hand()
    {
        // Upwork senior: $75–120 an hour, middle $97.50. The seed's 12 480 lines; 29 FP (see FunctionPointTests);
        // P99 150 ms and 99.95 % uptime: gold; 10 % tech debt.
        //   size      12 480 × 0.04 h             = 499.2 h
        //   FP        29 × 15 h                   = 435 h
        //   SLA       (499.2 + 435) / 2 = 467.1 h baseline × 1.30 (gold) = 607.23 h
        //   effort    0.30 × 499.2 + 0.45 × 435 + 0.25 × 607.23 = 149.76 + 195.75 + 151.8075 = 497.3175 → 497.3 h
        //   premium   1.15 + 10 × 0.003 = 1.18
        //   low       497.3 × 75    × 1.18 = 44 011.05
        //   expected  497.3 × 97.50 × 1.18 = 57 214.365 → 57 214.37
        //   high      497.3 × 120   × 1.18 = 70 417.68
        var q = QuoteCalculator.Compute(Inputs(12_480, 150m, 99.95m, 10m));

        Assert.Equal([499.2, 435, 607.23], q.Breakdown.Layers.Select(l => Math.Round(l.Hours, 4)));
        Assert.Equal([0.30m, 0.45m, 0.25m], q.Breakdown.Layers.Select(l => l.Weight));
        Assert.Equal(497.3, q.Breakdown.EffortHours);
        Assert.Equal(SlaTier.Gold, q.Breakdown.Tier);
        Assert.Equal(1.18m, q.Breakdown.Premium);
        Assert.Equal(new Money(44_011.05m, Currency.Usd), q.Price.Low);
        Assert.Equal(new Money(57_214.37m, Currency.Usd), q.Price.Expected);
        Assert.Equal(new Money(70_417.68m, Currency.Usd), q.Price.High);
        Assert.Equal(new DateOnly(2026, 12, 25), q.ValidUntil);
        Assert.Equal(12.48, q.Cocomo!.Kloc);
        Assert.Equal("defaults", q.Breakdown.FactorsSource);
    }

    [Fact]
    public void Without_a_size_the_other_weights_are_rescaled()
    {
        // FP 435 h; SLA silver (P99 300 ms, 99.9 %): 435 × 1.15 = 500.25 h.
        // (0.45 × 435 + 0.25 × 500.25) / 0.70 = 320.8125 / 0.70 = 458.30… → 458.3 h; premium 1.08, no debt.
        // expected 458.3 × 1.08 = 494.964 h at $97.50 = 48 258.99
        var q = QuoteCalculator.Compute(Inputs(null, 300m, 99.9m, 0m));

        Assert.Equal(2, q.Breakdown.Layers.Count);
        Assert.Equal(458.3, q.Breakdown.EffortHours);
        Assert.Equal(1.08m, q.Breakdown.Premium);
        Assert.Equal(48_258.99m, q.Price.Expected.Amount);
        Assert.Null(q.Cocomo);
    }

    [Fact]
    public void A_calibrated_model_applies_its_exponent_and_factor_level()
    {
        // hours = 2 × 10 000^0.5 × 1.5 (language = go) = 300
        var model = new LayerModel(2.0, 0.5,
            new Dictionary<string, IReadOnlyDictionary<string,
                double>> { ["language"] = new Dictionary<string, double> { ["go"] = 1.5, ["java"] = 1.0 } },
            new EstimationAccuracy(20, 0.3, 0.25, 0.5));
        var h = model.Hours(10_000, new Dictionary<string, string> { ["Language"] = "go" });
        Assert.Equal(300, h.Hours, 9);
        Assert.Equal(new AppliedFactor("language", "go", 1.5), h.Factors.Single());

        Assert.Equal(200, model.Hours(10_000, new Dictionary<string, string>()).Hours, 9);
    }

    [Fact]
    public void Nothing_to_size_is_refused()
    {
        var empty = Inputs(null, 300m, 99.9m, 0m) with { FunctionPoints = FunctionPointCount.Empty };
        Assert.Throws<ArgumentException>(() => QuoteCalculator.Compute(empty));
    }

    [Theory]
    [InlineData(0.3, 0.45, 0.3, "weights")]
    [InlineData(-0.1, 0.85, 0.25, "size")]
    [InlineData(0.3, 1.2, -0.5, "function_points")]
    public void Weights_must_be_fractions_summing_to_one(double size, double fp, double sla, string field) =>
        Assert.Equal(field, LayerWeights.Validate((decimal)size, (decimal)fp, (decimal)sla)!.Value.Field);
}
