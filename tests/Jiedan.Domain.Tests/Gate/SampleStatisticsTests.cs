using Jiedan.Domain.Gate.Benchmarks;

namespace Jiedan.Domain.Tests.Gate;

public sealed class SampleStatisticsTests
{
    [Fact]
    public void Five_samples_are_too_few_for_a_95_percent_interval()
    {
        // [x(1), x(5)] covers the median with probability 1 − 2·(1/2)⁵ = 0.9375 < 0.95, so benchstat widens one side:
        // from the mode it adds the likelier outcome, the left on a tie, and stops at (−∞, x(5)] with 31/32.
        var s = SampleStatistics.Summarize([5, 1, 3, 2, 4]);
        Assert.Equal(3, s.Median);
        Assert.Equal(double.NegativeInfinity, s.Low);
        Assert.Equal(5, s.High);
        Assert.Equal("∞", s.RangeDisplay);
    }

    [Fact]
    public void Six_samples_give_the_min_max_interval()
    {
        // [x(1), x(6)] covers with 1 − 2/64 = 0.96875 ≥ 0.95; [x(2), x(5)] only 1 − 2·7/64 = 0.78125.
        var s = SampleStatistics.Summarize([100, 102, 98, 101, 99, 110]);
        Assert.Equal(100.5, s.Median);
        Assert.Equal(98, s.Low);
        Assert.Equal(110, s.High);
        Assert.Equal("9%", s.RangeDisplay); // (110 − 100.5) / 100.5 = 9.45% printed with %.0f
    }

    [Fact]
    public void Ten_samples_narrow_to_the_second_order_statistics()
    {
        // n = 10: j = 2 covers 1 − 2·P(B ≤ 1) = 1 − 2·11/1024 = 0.9785; j = 3 covers 1 − 2·56/1024 = 0.8906.
        var s = SampleStatistics.Summarize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        Assert.Equal(2, s.Low);
        Assert.Equal(9, s.High);
    }
}
