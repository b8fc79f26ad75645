using Jiedan.Domain.Pipeline;

namespace Jiedan.Domain.Tests.Pipeline;

public class DurationStatsTests
{
    [Fact]
    public void Matches_a_hand_worked_example()
    {
        // 1, 2, 3, 20: mean 6.5; squared deviations 30.25 + 20.25 + 12.25 + 182.25 = 245; 245/3 = 81.667; sd 9.037.
        // Nearest rank: median = ⌈0.5·4⌉ = 2nd = 2; P90 = ⌈0.9·4⌉ = 4th = 20.
        var s = DurationStats.FromValues([3, 1, 20, 2]);
        Assert.Equal(4, s.Count);
        Assert.Equal(6.5, s.Mean, 10);
        Assert.Equal(9.0370, s.StandardDeviation, 4);
        Assert.Equal(2, s.Median);
        Assert.Equal(20, s.P90);
        Assert.Equal(20, s.Max);
    }

    [Fact]
    public void Histogram_and_list_agree_and_agree_with_MathNet()
    {
        var values = new[] { 1, 1, 2, 2, 3, 3, 4, 4, 6, 6, 0, 9, 14, 2, 2, 5 };
        var s = DurationStats.FromValues(values);
        var d = values.Select(v => (double)v).ToArray();
        Assert.Equal(MathNet.Numerics.Statistics.Statistics.Mean(d), s.Mean, 10);
        Assert.Equal(MathNet.Numerics.Statistics.Statistics.StandardDeviation(d), s.StandardDeviation, 10);
        // MathNet's nearest-rank quantile definition is the same as ours (R type 1, the inverse of the empirical CDF).
        Assert.Equal(MathNet.Numerics.Statistics.Statistics.QuantileCustom(d, 0.9, MathNet.Numerics.Statistics.QuantileDefinition.R1),
            s.P90);
        Assert.Equal(MathNet.Numerics.Statistics.Statistics.QuantileCustom(d, 0.5, MathNet.Numerics.Statistics.QuantileDefinition.R1),
            s.Median);
    }

    [Fact]
    public void Empty_and_single_values_are_well_defined()
    {
        Assert.Equal(0, DurationStats.FromValues([]).Count);
        var one = DurationStats.FromValues([4]);
        Assert.Equal((4.0, 0.0, 4, 4), (one.Mean, one.StandardDeviation, one.Median, one.P90));
    }
}
