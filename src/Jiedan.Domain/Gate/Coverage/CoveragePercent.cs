namespace Jiedan.Domain.Gate.Coverage;

/// <summary>
/// Percentages computed and printed the way Go's cover tool does: <c>100 * float64(covered) / float64(total)</c>
/// printed with <c>%.1f</c>, which rounds the exact binary value half-to-even. .NET's "F1" rounds ties away from
/// zero, so a total such as 12.25% would print differently; this keeps Jiedan's figure identical to Go's.
/// </summary>
public static class CoveragePercent
{
    public static double Of(long covered, long total) => total == 0 ? 0 : 100.0 * covered / total;

    public static string Format(long covered, long total) => FormatOneDecimal(Of(covered, total)) + "%";

    public static string FormatOneDecimal(double value) => GoFixedFormat.Format(value, 1);
}
