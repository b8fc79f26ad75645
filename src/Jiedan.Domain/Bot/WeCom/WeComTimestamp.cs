using System.Globalization;

namespace Jiedan.Domain.Bot.WeCom;

/// <summary>
/// The signed <c>timestamp</c> of a callback (Unix seconds). A signature proves who sent a request, not when: without a
/// freshness window a captured callback can be replayed forever.
/// </summary>
public static class WeComTimestamp
{
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromMinutes(5);

    /// <summary>True when <paramref name="timestamp"/> is within <paramref name="maxAge"/> of <paramref name="now"/>, either
    /// side.</summary>
    public static bool IsFresh(string timestamp, DateTimeOffset now, TimeSpan maxAge)
    {
        if (timestamp.Length is 0 or > 12
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return false;
        var age = now.ToUnixTimeSeconds() - seconds;
        return Math.Abs(age) <= (long)maxAge.TotalSeconds;
    }
}
