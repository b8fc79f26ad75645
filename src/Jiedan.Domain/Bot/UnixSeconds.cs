namespace Jiedan.Domain.Bot;

/// <summary>Platform timestamps (seconds since 1970) as UTC instants; one outside DateTime's range is a format error, not a
/// crash.</summary>
internal static class UnixSeconds
{
    private static readonly long Min = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long Max = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static DateTime ToUtc(long seconds, string field) =>
        seconds >= Min && seconds <= Max
            ? DateTime.UnixEpoch.AddSeconds(seconds) : throw new BotFormatException($"{field}: out of range for a Unix time");
}
