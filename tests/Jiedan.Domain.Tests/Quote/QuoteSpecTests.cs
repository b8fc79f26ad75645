using Jiedan.Domain.Deals;
using Jiedan.Domain.Quote;
using Jiedan.Domain.Quote.Spec;
using Jiedan.Domain.Rates;

namespace Jiedan.Domain.Tests.Quote;

public class QuoteSpecTests
{
    private static string Example => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Quote", "Data", "quote.yml"));

    [Fact]
    public void The_documented_example_parses_and_prices_like_the_hand_worked_quote()
    {
        var spec = QuoteSpecParser.Parse(Example, "quote.yml");

        Assert.Equal(Platform.Upwork, spec.Platform);
        Assert.Equal(SeniorityBand.Senior, spec.Seniority);
        Assert.Equal(12_480, spec.Lines);
        Assert.Equal(29, FunctionPointCount.Of(spec.Features).Total);
        Assert.Equal("go", spec.Factors["language"]);

        var inputs = QuoteSpecResolver.Resolve(spec, "quote.yml", MarketRateTable.SeedDefaults, null, null, ProductivityFactors.Default,
            new DateOnly(2026, 11, 25));
        var quote = QuoteCalculator.Compute(inputs);
        Assert.Equal(57_214.37m, quote.Price.Expected.Amount); // see QuoteCalculatorTests.A_full_quote_worked_by_hand
    }

    [Fact]
    public void Json_is_accepted_too()
    {
        var spec = QuoteSpecParser.Parse("""
            {"platform":"码市","seniority":"中级","size":{"lines":5000},"sla":{"p99_ms":300,"uptime_percent":99.9}}
            """, "body");
        Assert.Equal(Platform.Mashi, spec.Platform);
        Assert.Equal(SeniorityBand.Mid, spec.Seniority);
        Assert.Equal(LayerWeights.Default, spec.Weights);
        Assert.Equal(30, spec.ValidityDays);
    }

    [Theory]
    // YAML syntax errors: YamlDotNet's own mark, or where the unclosed flow collection opened
    [InlineData("platform: upwork\nseniority: [senior\nsla: {}\n", 2, "(yaml)")]
    [InlineData("platform: upwork\nseniority: senior\n  sla: x\n", 3, "(yaml)")]
    [InlineData("platform: upwork\nplatform: toptal\n", 2, "(yaml)")]
    [InlineData("platform: fiverr\nseniority: senior\nsize: {lines: 10}\nsla: {p99_ms: 100, uptime_percent: 99}\n", 1, "platform", 11)]
    [InlineData("platform: upwork\nseniority: guru\nsize: {lines: 10}\nsla: {p99_ms: 100, uptime_percent: 99}\n", 2, "seniority", 12)]
    [InlineData("platform: upwork\nseniority: senior\nsize: {lines: 10}\nsla:\n  p99_ms: 100\n  uptime_percent: 100.5\n", 6,
        "sla.uptime_percent", 19)]
    [InlineData("platform: upwork\nseniority: senior\nsize: {lines: 10}\nsla:\n  p99_ms: 0\n  uptime_percent: 99\n", 5, "sla.p99_ms", 11)]
    [InlineData("platform: upwork\nseniority: senior\nsize: {lines: -3}\nsla: {p99_ms: 100, uptime_percent: 99}\n", 3, "size.lines", 15)]
    [InlineData("platform: upwork\nseniority: senior\nsize: {lines: 10}\nsla: {p99_ms: 100, uptime_pct: 99}\n", 4, "sla.uptime_pct", 20)]
    [InlineData("platform: upwork\nseniority: senior\nsize: {lines: 10}\nsla: {p99_ms: 100, uptime_percent: 99}\n" +
        "weights: {size: 0.5, function_points: 0.45, sla: 0.25}\n", 5, "weights", 10)]
    [InlineData("platform: upwork\nseniority: senior\nsla: {p99_ms: 100, uptime_percent: 99}\nfunction_points:\n  - feature: A\n" +
        "    chain: X → Y\n    steps:\n      X: EI average\n", 6, "function_points[0].chain", 12)]
    [InlineData("platform: upwork\nseniority: senior\nsla: {p99_ms: 100, uptime_percent: 99}\nfunction_points:\n  - feature: A\n" +
        "    chain: X\n    steps:\n      X: EI huge\n", 8, "function_points[0].steps.X", 10)]
    [InlineData("platform: upwork\nseniority: senior\nsize: {lines: 10}\n", 1, "sla", 1)]
    public void Errors_point_at_the_node(string yaml, int line, string field, int column = 0)
    {
        var e = Assert.Throws<QuoteSpecException>(() => QuoteSpecParser.Parse(yaml, "spec.yml"));
        Assert.Equal(line, e.Mark.Line);
        if (column > 0) Assert.Equal(column, e.Mark.Column);
        Assert.Equal(field, e.Field);
        Assert.StartsWith($"spec.yml:{line}:", e.Message);
    }

    [Fact]
    public void An_event_rated_differently_in_a_later_feature_is_refused_at_that_node()
    {
        const string yaml = """
            platform: upwork
            seniority: senior
            sla: {p99_ms: 100, uptime_percent: 99}
            function_points:
              - feature: A
                chain: X → Y
                steps: {X: EI low, Y: ILF low}
              - feature: B
                chain: Y
                steps:
                  Y: ILF high
            """;
        var e = Assert.Throws<QuoteSpecException>(() => QuoteSpecParser.Parse(yaml, "spec.yml"));
        Assert.Equal((11, 10), (e.Mark.Line, e.Mark.Column));
        Assert.Contains("at line 7", e.Problem);
    }

    [Fact]
    public void A_platform_without_a_market_rate_is_refused_at_the_platform_node()
    {
        var spec = QuoteSpecParser.Parse("sla: {p99_ms: 100, uptime_percent: 99}\nplatform: proginn\nseniority: mid\nsize: {lines: 100}\n",
            "s.yml");
        var e = Assert.Throws<QuoteSpecException>(() =>
            QuoteSpecResolver.Resolve(spec, "s.yml", MarketRateTable.SeedDefaults, null, null, ProductivityFactors.Default,
                new DateOnly(2026, 1, 1)));
        Assert.Equal((2, 11, "platform"), (e.Mark.Line, e.Mark.Column, e.Field));
    }

    [Fact]
    public void A_currency_other_than_the_rate_bands_is_refused()
    {
        var spec = QuoteSpecParser.Parse("platform: upwork\nseniority: mid\ncurrency: CNY\nsize: {lines: 100}\n" +
            "sla: {p99_ms: 100, uptime_percent: 99}\n", "s.yml");
        var e = Assert.Throws<QuoteSpecException>(() =>
            QuoteSpecResolver.Resolve(spec, "s.yml", MarketRateTable.SeedDefaults, null, null, ProductivityFactors.Default,
                new DateOnly(2026, 1, 1)));
        Assert.Equal((3, "currency"), (e.Mark.Line, e.Field));
    }

    [Fact]
    public void An_own_hourly_rate_prices_a_platform_without_market_rates()
    {
        var spec = QuoteSpecParser.Parse("platform: direct\nseniority: senior\ncurrency: EUR\nhourly_rate: {low: 80, high: 100}\n" +
            "size: {lines: 1000}\nsla: {p99_ms: 800, uptime_percent: 99}\n", "s.yml");
        var q = QuoteCalculator.Compute(QuoteSpecResolver.Resolve(spec, "s.yml", MarketRateTable.SeedDefaults, null, null,
            ProductivityFactors.Default, new DateOnly(2026, 1, 1)));
        // 1000 lines × 0.04 = 40 h; SLA bronze 40 × 1.00 = 40 h; (0.30 × 40 + 0.25 × 40) / 0.55 = 40 h; × €90 × 1.02 = €3 672
        Assert.Equal("EUR", q.Price.Currency.Code);
        Assert.Equal(3672m, q.Price.Expected.Amount);
    }
}
