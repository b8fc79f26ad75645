using System.Globalization;
using System.Numerics;

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

    public static string FormatOneDecimal(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return value.ToString(CultureInfo.InvariantCulture);
        var negative = value < 0;
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent++; else mantissa |= 1L << 52;
        exponent -= 1075;
        // value = mantissa * 2^exponent exactly; tenths = value * 10 as a fraction num/den.
        BigInteger num = new BigInteger(mantissa) * 10, den = BigInteger.One;
        if (exponent >= 0) num <<= exponent; else den <<= -exponent;
        var tenths = BigInteger.DivRem(num, den, out var remainder);
        var twice = remainder * 2;
        if (twice > den || (twice == den && !tenths.IsEven)) tenths += 1;
        var whole = BigInteger.DivRem(tenths, 10, out var fraction);
        var text = $"{whole}.{fraction}";
        return negative && tenths != 0 ? "-" + text : text;
    }
}
