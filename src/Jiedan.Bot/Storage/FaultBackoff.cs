namespace Jiedan.Bot.Storage;

/// <summary>
/// The pause of a background loop after consecutive failures: <c>first</c>, doubling, never more than <c>max</c>, with
/// jitter so that several loops (or instances) do not retry in step. Success resets it. Not thread-safe: one per loop.
/// </summary>
public sealed class FaultBackoff(TimeSpan first, TimeSpan max)
{
    public int Failures { get; private set; }

    /// <summary>Counts a failure and says how long to wait before the next attempt.</summary>
    public TimeSpan Next()
    {
        Failures++;
        var ceiling = Math.Min(max.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, Math.Min(Failures - 1, 30)));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    /// <summary>Counts a success; returns how many failures came before it (0 when there was no outage).</summary>
    public int Reset()
    {
        var failures = Failures;
        Failures = 0;
        return failures;
    }
}
