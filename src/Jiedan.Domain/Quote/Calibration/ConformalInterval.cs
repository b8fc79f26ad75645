namespace Jiedan.Domain.Quote.Calibration;

/// <summary>
/// A split-conformal interval on log effort: from m out-of-sample log-residuals r = ln(actual) − ln(predicted), the
/// bounds are the ⌊(m+1)·α/2⌋-th and ⌈(m+1)·(1 − α/2)⌉-th smallest (α = 1 − nominal), so under exchangeability a new
/// project's residual falls inside with probability at least the nominal level. Effort × e^bound gives the range.
/// </summary>
public static class ConformalInterval
{
    public static (double LowLog, double HighLog) Of(IReadOnlyList<double> logResiduals, double nominal)
    {
        if (logResiduals.Count == 0) throw new ArgumentException("no residuals", nameof(logResiduals));
        if (nominal is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(nominal), nominal, "between 0 and 1");
        var sorted = logResiduals.Order().ToArray();
        var m = sorted.Length;
        var alpha = 1 - nominal;
        // 1 − 0.8 is 0.19999999999999996 in binary: nudge so that whole ranks stay whole.
        var lowRank = Math.Clamp((int)Math.Floor((m + 1) * alpha / 2 + 1e-9), 1, m);
        var highRank = Math.Clamp((int)Math.Ceiling((m + 1) * (1 - alpha / 2) - 1e-9), 1, m);
        return (sorted[lowRank - 1], sorted[highRank - 1]);
    }
}
