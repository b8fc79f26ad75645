namespace Jiedan.Domain.Calendar;

/// <summary>
/// Working days: weekdays minus holidays, plus make-up working days (调休) that fall on a weekend.
/// Immutable and thread-safe once built; counting is O(1) after a one-off prefix table.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly HashSet<DayOfWeek> _weekend;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workdays;
    private readonly Lazy<PrefixTable> _prefix;

    public BusinessCalendar(string name, string timeZoneId, IEnumerable<DayOfWeek> weekend, IEnumerable<DateOnly> holidays,
        IEnumerable<DateOnly> makeUpWorkdays)
    {
        Name = name;
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        _weekend = [.. weekend];
        _holidays = [.. holidays];
        _workdays = [.. makeUpWorkdays];
        if (_holidays.Overlaps(_workdays))
        {
            var overlap = _holidays.Intersect(_workdays).Min();
            throw new ArgumentException($"{overlap:yyyy-MM-dd} is both a holiday and a make-up working day", nameof(makeUpWorkdays));
        }
        _prefix = new Lazy<PrefixTable>(() => PrefixTable.Build(this));
    }

    public string Name { get; }
    public TimeZoneInfo TimeZone { get; }
    public IReadOnlySet<DateOnly> Holidays => _holidays;
    public IReadOnlySet<DateOnly> MakeUpWorkdays => _workdays;

    /// <summary>Monday to Friday, no holidays, in UTC.</summary>
    public static BusinessCalendar WeekdaysUtc { get; } = new("weekdays", "UTC", [DayOfWeek.Saturday, DayOfWeek.Sunday], [], []);

    public bool IsBusinessDay(DateOnly day) =>
        _workdays.Contains(day) || (!_weekend.Contains(day.DayOfWeek) && !_holidays.Contains(day));

    /// <summary>The calendar date an instant falls on in this calendar's time zone.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>Business days in [from, to): Monday→Tuesday is 1, Friday→Monday is 1, same day is 0. Negative when to &lt; from.</summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to) => _prefix.Value.CountBefore(to) - _prefix.Value.CountBefore(from);

    public int BusinessDaysBetween(DateTimeOffset from, DateTimeOffset to) => BusinessDaysBetween(DateOf(from), DateOf(to));

    /// <summary>The first business day on which <paramref name="businessDays"/> business days have elapsed since <paramref
    /// name="start"/>.</summary>
    public DateOnly AddBusinessDays(DateOnly start, int businessDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(businessDays);
        var day = start;
        var left = businessDays;
        while (left > 0)
        {
            if (IsBusinessDay(day)) left--;
            day = day.AddDays(1);
        }
        while (!IsBusinessDay(day)) day = day.AddDays(1);
        return day;
    }

    /// <summary>Cumulative business-day counts for 1990–2100; outside that, counted day by day.</summary>
    private sealed class PrefixTable
    {
        private static readonly DateOnly First = new(1990, 1, 1);
        private static readonly DateOnly Last = new(2100, 12, 31);
        private readonly int[] _before;
        private readonly BusinessCalendar _calendar;

        private PrefixTable(int[] before, BusinessCalendar calendar) { _before = before; _calendar = calendar; }

        public static PrefixTable Build(BusinessCalendar calendar)
        {
            var days = Last.DayNumber - First.DayNumber + 2;
            var before = new int[days];
            for (var i = 1; i < days; i++)
                before[i] = before[i - 1] + (calendar.IsBusinessDay(DateOnly.FromDayNumber(First.DayNumber + i - 1)) ? 1 : 0);
            return new PrefixTable(before, calendar);
        }

        /// <summary>Business days in [First, day), a relative index: only differences are meaningful.</summary>
        public int CountBefore(DateOnly day)
        {
            var i = day.DayNumber - First.DayNumber;
            if (i >= 0 && i < _before.Length) return _before[i];
            if (i < 0)
            {
                var n = 0;
                for (var d = day; d < First; d = d.AddDays(1)) if (_calendar.IsBusinessDay(d)) n++;
                return -n;
            }
            var m = _before[^1];
            for (var d = Last.AddDays(1); d < day; d = d.AddDays(1)) if (_calendar.IsBusinessDay(d)) m++;
            return m;
        }
    }
}
