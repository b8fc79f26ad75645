using System.Globalization;
using System.Numerics;

namespace Jiedan.Domain.Gate;

/// <summary>
/// Go's <c>%.Nf</c> / <c>%+.Nf</c>: the exact binary value rounded to N decimals, half to even on exact ties, the sign
/// taken from the sign bit (Go prints "-0.00" for -0.001). .NET rounds exact ties away from zero, so 0.125 with two
/// decimals would print 0.13 where Go prints 0.12; the gate prints what the Go tools print.
/// </summary>
public static class GoFixedFormat
{
    public static string Format(double value, int decimals, bool plusSign = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        if (double.IsNaN(value)) return "NaN";
        var negative = double.IsNegative(value);
        var sign = negative ? "-" : plusSign ? "+" : "";
        if (double.IsInfinity(value)) return sign + "Inf";
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent++; else mantissa |= 1L << 52;
        exponent -= 1075;
        // value = mantissa · 2^exponent exactly; scaled = value · 10^decimals as the fraction num/den.
        BigInteger num = new BigInteger(mantissa) * BigInteger.Pow(10, decimals), den = BigInteger.One;
        if (exponent >= 0) num <<= exponent; else den <<= -exponent;
        var scaled = BigInteger.DivRem(num, den, out var remainder);
        var twice = remainder * 2;
        if (twice > den || (twice == den && !scaled.IsEven)) scaled += 1;
        var digits = scaled.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var text = decimals == 0 ? digits : digits[..^decimals] + "." + digits[^decimals..];
        return sign + text;
    }
}
