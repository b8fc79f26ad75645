using Jiedan.Domain.Quote;

namespace Jiedan.Domain.Tests.Quote;

public class CocomoTests
{
    [Fact]
    public void Boehms_organic_example()
    {
        // Boehm, Software Engineering Economics (1981), basic organic example: 32 KDSI → 91 person-months over 14 months.
        var e = CocomoEstimate.Organic(32_000);

        Assert.Equal(91.33, e.PersonMonths, 0.01);   // 2.4 × 32^1.05
        Assert.Equal(13.9, e.DurationMonths, 0.05);  // 2.5 × 91.33^0.38
        Assert.Equal(6.6, e.Staff, 0.05);
        Assert.Equal(13_882, e.EffortHours, 1.0);          // 91.33 person-months × 152 h
    }

    [Theory]
    [InlineData(1_000, 2.4, 3.48)]      // 2.4 × 1^1.05 = 2.4; 2.5 × 2.4^0.38 = 3.48
    [InlineData(10_000, 26.93, 8.74)]   // 2.4 × 10^1.05; 2.5 × 26.93^0.38
    [InlineData(100_000, 302.1, 21.9)]  // 2.4 × 100^1.05; 2.5 × 302.1^0.38
    public void Published_formula_values(long lines, double personMonths, double months)
    {
        var e = CocomoEstimate.Organic(lines);
        Assert.Equal(personMonths, e.PersonMonths, personMonths * 0.001);
        Assert.Equal(months, e.DurationMonths, 0.01 * months);
    }

    [Fact]
    public void Zero_lines_is_zero_effort() => Assert.Equal(0, CocomoEstimate.Organic(0).DurationMonths);
}
