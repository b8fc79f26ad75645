namespace Jiedan.Domain.Quote;

/// <summary>A service-level target: the P99 latency the service must stay under and the uptime it must reach.</summary>
public readonly record struct SlaTarget
{
    /// <summary>Ten minutes: a P99 above this is a batch job, not a latency target.</summary>
    public const decimal MaxP99Milliseconds = 600_000m;

    public decimal P99Milliseconds { get; }
    public decimal UptimePercent { get; }

    /// <exception cref="ArgumentOutOfRangeException">P99 ≤ 0 or absurdly large, or uptime outside (0, 100).</exception>
    public SlaTarget(decimal p99Milliseconds, decimal uptimePercent)
    {
        if (Validate(p99Milliseconds, uptimePercent) is { } problem)
            throw new ArgumentOutOfRangeException(problem.Field == "p99_ms" ? nameof(p99Milliseconds) : nameof(uptimePercent),
                problem.Message);
        P99Milliseconds = p99Milliseconds;
        UptimePercent = uptimePercent;
    }

    /// <summary>The first problem with these values, naming the spec field, or null when they are valid.</summary>
    public static (string Field, string Message)? Validate(decimal p99Milliseconds, decimal uptimePercent)
    {
        if (p99Milliseconds <= 0) return ("p99_ms", $"P99 latency must be above 0 ms, got {p99Milliseconds}");
        if (p99Milliseconds > MaxP99Milliseconds) return ("p99_ms",
            $"P99 latency {p99Milliseconds} ms is above the {MaxP99Milliseconds} ms a latency target can mean");
        if (uptimePercent <= 0 || uptimePercent >= 100) return ("uptime_percent",
            $"uptime must be between 0 and 100 % exclusive, got {uptimePercent}");
        return null;
    }

    public override string ToString() => $"P99 < {P99Milliseconds} ms, uptime ≥ {UptimePercent} %";
}

public enum SlaTier { Bronze, Silver, Gold }

/// <summary>
/// Tier thresholds. Gold is the seed's: P99 under 200 ms and uptime at least 99.95 %. Silver: P99 under 500 ms and
/// uptime at least 99.9 % (about 43 minutes of downtime a month, a single well-run region). Everything else is bronze.
/// Latency bounds are strict (a 200 ms P99 is not gold), uptime bounds inclusive.
/// </summary>
public sealed record SlaTierPolicy(decimal GoldP99BelowMs, decimal GoldUptimeAtLeast, decimal SilverP99BelowMs, decimal SilverUptimeAtLeast)
{
    public static SlaTierPolicy Default { get; } = new(200m, 99.95m, 500m, 99.9m);

    public SlaTier TierOf(SlaTarget sla) =>
        sla.P99Milliseconds < GoldP99BelowMs && sla.UptimePercent >= GoldUptimeAtLeast ? SlaTier.Gold
        : sla.P99Milliseconds < SilverP99BelowMs && sla.UptimePercent >= SilverUptimeAtLeast ? SlaTier.Silver
        : SlaTier.Bronze;
}
