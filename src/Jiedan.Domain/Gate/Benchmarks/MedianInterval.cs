using MathNet.Numerics.Distributions;

namespace Jiedan.Domain.Gate.Benchmarks;

/// <summary>
/// Which order statistics bound benchstat's confidence interval of the median (1-based; 0 and n+1 mean −∞ and +∞).
/// The number of sample values below the population median is Binomial(n, ½); the interval between the l-th and r-th
/// values covers the median with probability P(l ≤ B &lt; r). Up to 30 values: start at the lower mode and add the
/// more likely neighbouring outcome (the left one on a tie) until the coverage reaches the confidence level, so an
/// interval may be one step wider on the left. Beyond 30: the normal approximation with continuity correction, rounded
/// out to whole outcomes, then one fewer on the right if that still reaches the level with less excess coverage.
/// When even all outcomes do not reach the level (fewer than 6 values at 95%) the bounds run past the sample: ±∞.
/// </summary>
public readonly record struct MedianInterval(int LowOrder, int HighOrder, double Confidence)
{
    public const int ExactLimit = 30;

    public static MedianInterval For(int n, double confidence)
    {
        if (confidence >= 1) return new MedianInterval(0, n + 1, 1);
        var (l, r, achieved) = n <= ExactLimit ? Exact(n, confidence) : Approximate(n, confidence);
        return new MedianInterval(Math.Max(l, 0), Math.Min(r, n + 1), achieved);
    }

    private static (int, int, double) Exact(int n, double confidence)
    {
        var l = (int)Math.Ceiling((n + 1) * 0.5) - 1;
        var r = l + 1;
        var covered = Probability(n, l);
        double left = Probability(n, l - 1), right = Probability(n, r);
        while (covered < confidence && (left > 0 || right > 0))
        {
            if (left >= right) { covered += left; l--; left = Probability(n, l - 1); }
            else { covered += right; r++; right = Probability(n, r); }
        }
        return (l, r, covered);
    }

    /// <summary>P(B = k) for B ~ Binomial(n, ½), the way benchmath evaluates it: C(n, k) · ½ᵏ · ½ⁿ⁻ᵏ.</summary>
    private static double Probability(int n, int k) =>
        k < 0 || k > n ? 0 : BenchmathChoose(n, k) * Math.Pow(0.5, k) * Math.Pow(0.5, n - k);

    /// <summary>
    /// C(n, k) as benchmath computes it: exact up to n = 20, above that exp(lnΓ(n+1) − lnΓ(k+1) − lnΓ(n−k+1)). That
    /// rounding decides which of two equally likely outcomes C(n, k) = C(n, n−k) counts as likelier, and so which side the
    /// interval grows on (at 95% it moves n = 24 one value to the right). The lnΓ values are Go's math.Lgamma results,
    /// so the comparison comes out as in benchstat.
    /// </summary>
    private static double BenchmathChoose(int n, int k)
    {
        if (k == 0 || k == n) return 1;
        if (n <= 20)
        {
            var ways = 1L;
            for (var i = 1; i <= k; i++) ways = ways * (n - k + i) / i;
            return ways;
        }
        return Math.Exp(GoLogGamma[n + 1] - GoLogGamma[k + 1] - GoLogGamma[n - k + 1]);
    }

    /// <summary>Go's math.Lgamma(m) for m = 1…31 (index m; index 0 unused), the arguments <see cref="ExactLimit"/> needs.</summary>
    private static readonly double[] GoLogGamma =
    [
        double.NaN,
        0, 0, 0.6931471805599453, 1.791759469228055, 3.1780538303479458, 4.787491742782046, 6.579251212010101, 8.525161361065413,
        10.60460290274525, 12.80182748008147, 15.104412573075518, 17.502307845873887, 19.98721449566189, 22.552163853123428,
        25.19122118273868, 27.89927138384089, 30.671860106080675, 33.50507345013689, 36.39544520803305, 39.339884187199495,
        42.335616460753485, 45.380138898476915, 48.47118135183523, 51.60667556776438, 54.78472939811231, 58.003605222980525,
        61.261701761002, 64.55753862700632, 67.88974313718154, 71.25703896716801, 74.65823634883017
    ];

    private static (int, int, double) Approximate(int n, double confidence)
    {
        var normal = new Normal(n * 0.5, Math.Sqrt(n * 0.25));
        var left = normal.InverseCumulativeDistribution((1 - confidence) / 2);
        var right = 2 * normal.Mean - left;
        var l = (int)Math.Floor(Math.Floor(left - 0.5) + 0.5) + 1;
        var r = (int)Math.Floor(Math.Ceiling(right - 0.5) + 0.5) + 1;
        double Coverage(int lo, int hi) => normal.CumulativeDistribution(hi - 0.5) - normal.CumulativeDistribution(lo - 0.5);
        var covered = Coverage(l, r);
        var narrower = Coverage(l, r - 1);
        if (narrower >= confidence && narrower < covered) { covered = narrower; r--; }
        if (l <= 0 && r >= n + 1) covered = 1;
        return (l, r, covered);
    }
}
