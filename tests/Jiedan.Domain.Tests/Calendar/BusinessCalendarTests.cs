using Jiedan.Domain.Calendar;

namespace Jiedan.Domain.Tests.Calendar;

public class BusinessCalendarTests
{
    private static readonly string RepoCalendar = Path.Combine(AppContext.BaseDirectory, "calendars", "cn-2025-2026.yml");

    private static BusinessCalendar China() => CalendarFile.Parse(File.ReadAllText(RepoCalendar), "cn-2025-2026.yml");

    [Fact]
    public void Spring_festival_2025_counts_the_make_up_sunday_and_saturday_and_skips_the_holiday()
    {
        var cn = China();
        // Fri 24 Jan → Mon 10 Feb 2025, counting [from, to):
        // 24 Fri ✓, 25 Sat ✗, 26 Sun make-up ✓, 27 Mon ✓, 28 Jan–4 Feb holiday ✗×8, 5 Wed ✓, 6 Thu ✓, 7 Fri ✓, 8 Sat make-up ✓, 9 Sun ✗ → 7
        Assert.Equal(7, cn.BusinessDaysBetween(new DateOnly(2025, 1, 24), new DateOnly(2025, 2, 10)));
        // The same span on a plain Monday–Friday calendar: 24, 27–31 Jan, 3–7 Feb → 11
        Assert.Equal(11, BusinessCalendar.WeekdaysUtc.BusinessDaysBetween(new DateOnly(2025, 1, 24), new DateOnly(2025, 2, 10)));
    }

    [Theory]
    [InlineData("2025-02-08", true)]   // Saturday, make-up working day
    [InlineData("2025-01-26", true)]   // Sunday, make-up working day
    [InlineData("2025-01-29", false)]  // 春节 holiday on a Wednesday
    [InlineData("2025-02-09", false)]  // ordinary Sunday
    [InlineData("2025-10-08", false)]  // last day of 国庆节 + 中秋节
    [InlineData("2025-10-11", true)]   // Saturday, make-up working day
    [InlineData("2026-02-14", true)]   // Saturday, make-up working day before 春节 2026
    public void Knows_holidays_and_make_up_working_days(string day, bool working) =>
        Assert.Equal(working, China().IsBusinessDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Adding_business_days_jumps_over_the_holiday()
    {
        var cn = China();
        // One business day after Mon 27 Jan 2025 is the first working day after the holiday: Wed 5 Feb.
        Assert.Equal(new DateOnly(2025, 2, 5), cn.AddBusinessDays(new DateOnly(2025, 1, 27), 1));
        Assert.Equal(new DateOnly(2025, 2, 8), cn.AddBusinessDays(new DateOnly(2025, 1, 27), 4));
    }

    [Fact]
    public void Counting_is_antisymmetric_and_zero_on_the_same_day()
    {
        var cn = China();
        var a = new DateOnly(2025, 9, 20);
        var b = new DateOnly(2025, 10, 20);
        Assert.Equal(-cn.BusinessDaysBetween(a, b), cn.BusinessDaysBetween(b, a));
        Assert.Equal(0, cn.BusinessDaysBetween(a, a));
    }

    [Fact]
    public void Instants_are_dated_in_the_calendars_time_zone()
    {
        var cn = China();
        // 17:30 UTC on 31 Jan is already 1 Feb in Shanghai.
        Assert.Equal(new DateOnly(2025, 2, 1), cn.DateOf(new DateTimeOffset(2025, 1, 31, 17, 30, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("holidays:\n  - 2025-13-01\n", "bad.yml:2:5: not a date (yyyy-MM-dd)")]
    [InlineData("holidays:\n  - 2025-02-01..2025-01-01\n", "bad.yml:2:5: the range ends before it starts")]
    [InlineData("holidays:\n  - 2000-01-01..9999-12-31\n", "bad.yml:2:5: a range spans at most 366 days")]
    [InlineData("weekend: [Caturday]\n", "bad.yml:1:11: not a weekday")]
    [InlineData("holidays: [2025-01-01]\nworkdays: [2025-01-01]\n", "bad.yml: 2025-01-01 is both a holiday and a make-up working day")]
    [InlineData("holidays: [2025-01-01\n", "bad.yml:")]
    public void Bad_calendar_files_name_the_line_and_column(string yaml, string expectedStart)
    {
        var e = Assert.Throws<CalendarFileException>(() => CalendarFile.Parse(yaml, "bad.yml"));
        Assert.StartsWith(expectedStart, e.Message);
    }
}
