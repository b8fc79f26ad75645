namespace Jiedan.Domain.Quote;

/// <summary>
/// Basic COCOMO (Boehm 1981), organic mode: effort E = 2.4 · KLOC^1.05 person-months, duration D = 2.5 · E^0.38
/// months. A person-month is 152 working hours (19 days of 8 hours, Boehm's own figure).
/// </summary>
public sealed record CocomoEstimate(double Kloc, double PersonMonths, double DurationMonths, double HoursPerPersonMonth)
{
    public const double OrganicA = 2.4, OrganicB = 1.05, OrganicC = 2.5, OrganicD = 0.38;
    public const double DefaultHoursPerPersonMonth = 152;

    public double EffortHours => PersonMonths * HoursPerPersonMonth;

    /// <summary>Average staff over the schedule.</summary>
    public double Staff => DurationMonths > 0 ? PersonMonths / DurationMonths : 0;

    public static CocomoEstimate Organic(long effectiveLines, double hoursPerPersonMonth = DefaultHoursPerPersonMonth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(effectiveLines);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hoursPerPersonMonth);
        var kloc = effectiveLines / 1000.0;
        var effort = OrganicA * Math.Pow(kloc, OrganicB);
        var duration = effort > 0 ? OrganicC * Math.Pow(effort, OrganicD) : 0;
        return new CocomoEstimate(kloc, effort, duration, hoursPerPersonMonth);
    }
}
