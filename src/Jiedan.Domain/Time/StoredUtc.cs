namespace Jiedan.Domain.Time;

/// <summary>
/// Instants are stored as UTC, but a DateTime read back from SQLite (and timestamp columns generally) comes back with
/// <see cref="DateTimeKind.Unspecified"/>. This is the one place that says so, instead of SpecifyKind at every read.
/// </summary>
public static class StoredUtc
{
    /// <summary>The stored instant marked as UTC (its ticks unchanged).</summary>
    public static DateTime AsUtc(this DateTime stored) => DateTime.SpecifyKind(stored, DateTimeKind.Utc);
}
