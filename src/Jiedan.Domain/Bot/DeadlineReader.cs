using System.Text.RegularExpressions;
using Jiedan.Domain.Text;

namespace Jiedan.Domain.Bot;

/// <summary>
/// Deadline phrases in a line, each with its date counted from the day the message was sent (the parser has no clock).
/// Full dates are strong; durations, weekdays and month ends are strong with their context (截止, by, within, 内, 前, 交付)
/// and weak without it (7天无理由退货 is no deadline).
/// </summary>
internal static partial class DeadlineReader
{
    private delegate DateOnly? Reading(Match m, DateOnly sentOn);

    private static readonly (Func<Regex> Pattern, Reading Read, bool Absolute)[] Readers =
    [
        (FullDate, (m, _) => Date(Int(m, "y"), Int(m, "m"), Int(m, "d")), true),
        (UsDate, (m, on) => m.Groups["y"].Success ? Date(Int(m, "y"), Int(m, "m"), Int(m, "d")) : Next(on, Int(m, "m"), Int(m, "d")),
            true),
        (ChineseMonthDay, (m, on) => Next(on, Int(m, "m"), Int(m, "d")), true),
        (EnglishMonthDay, (m, on) => m.Groups["y"].Success ? Date(Int(m, "y"), Month(m), Int(m, "d")) : Next(on, Month(m), Int(m, "d")),
            true),
        (RelativeMonthDay, (m, on) => DayOfMonth(m.Groups["rel"].Value.StartsWith('下') ? on.AddMonths(1) : on, Int(m, "d")), true),
        (MonthEnd, ReadMonthEnd, false),
        (EndOf, ReadEndOf, false),
        (DayOnly, (m, on) => DayOnly(on, Int(m, "d")), false),
        (Weekday, (m, on) => WeekdayDate(on, m.Groups["rel"].Value, m.Groups["wd"].Value), false),
        (Tomorrow, (m, on) => on.AddDays(DaysAhead(m.Value)), false),
        (Holiday, ReadHoliday, false),
        (Duration, ReadDuration, false),
    ];

    public static IEnumerable<TermSpan> Find(string line, DateOnly sentOn)
    {
        var spans = new List<TermSpan>();
        foreach (var (pattern, read, absolute) in Readers)
            foreach (Match m in pattern().Matches(line))
            {
                if (spans.Any(s => s.Overlaps(m.Index, m.Index + m.Length))) continue;
                var date = read(m, sentOn);
                if (date is null) continue;
                var pre = PreContext().Match(line[Math.Max(0, m.Index - 24)..m.Index]);
                var post = PostContext().Match(line.Substring(m.Index + m.Length, Math.Min(12, line.Length - m.Index - m.Length)));
                var strongPost = StrongPost().IsMatch(post.Value);
                if (pattern == UsDate && !pre.Success && !strongPost) continue;
                var strong = absolute || pre.Success || m.Groups["rel"].Length > 0 || strongPost;
                var start = pre.Success ? m.Index - pre.Length : m.Index;
                var end = m.Index + m.Length + post.Length;
                if (spans.Any(s => s.Overlaps(start, end))) (start, end) = (m.Index, m.Index + m.Length);
                spans.Add(new TermSpan(start, end, TermKind.Deadline, strong, Deadline: date));
            }
        return spans;
    }

    private static int Int(Match m, string group) =>
        ChineseNumber.TryParse(m.Groups[group].Value, out var v) && v is >= 0 and <= 9999 && v == decimal.Truncate(v) ? (int)v : -1;

    private static DateOnly? Date(int y, int m, int d) =>
        y is >= 2000 and <= 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;

    /// <summary>A month and day without a year: the next one on or after the day the message was sent.</summary>
    private static DateOnly? Next(DateOnly on, int month, int day) =>
        Date(on.Year, month, day) is { } d && d >= on ? d : Date(on.Year + 1, month, day);

    private static DateOnly? DayOfMonth(DateOnly month, int day) => Date(month.Year, month.Month, day);

    private static DateOnly? DayOnly(DateOnly on, int day) =>
        DayOfMonth(on, day) is { } d && d >= on ? d : DayOfMonth(on.AddMonths(1), day);

    private static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    private static int Month(Match m) => m.Groups["mon"].Value[..3].ToUpperInvariant() switch
    {
        "JAN" => 1, "FEB" => 2, "MAR" => 3, "APR" => 4, "MAY" => 5, "JUN" => 6,
        "JUL" => 7, "AUG" => 8, "SEP" => 9, "OCT" => 10, "NOV" => 11, _ => 12,
    };

    private static DateOnly? ReadMonthEnd(Match m, DateOnly on)
    {
        if (m.Groups["year"].Success) return new DateOnly(on.Year, 12, 31);
        var month = m.Groups["m"].Success ? Int(m, "m") : m.Groups["rel"].Value.StartsWith('下') ? on.AddMonths(1).Month : on.Month;
        if (month is < 1 or > 12) return null;
        var year = month < on.Month ? on.Year + 1 : on.Year;
        return m.Groups["pos"].Value switch
        {
            "上旬" => new DateOnly(year, month, 10),
            "中" or "中旬" => new DateOnly(year, month, 15),
            _ => EndOfMonth(year, month),
        };
    }

    private static DateOnly? ReadEndOf(Match m, DateOnly on)
    {
        if (m.Groups["mon"].Success)
        {
            var month = Month(m);
            return EndOfMonth(month < on.Month ? on.Year + 1 : on.Year, month);
        }
        var next = m.Groups["which"].Value.Equals("next", StringComparison.OrdinalIgnoreCase);
        return char.ToUpperInvariant(m.Groups["what"].Value[0]) switch
        {
            'W' => WeekdayDate(on, next ? "next" : "this", "fri"),
            'Y' => new DateOnly(next ? on.Year + 1 : on.Year, 12, 31),
            _ => next ? EndOfMonth(on.AddMonths(1).Year, on.AddMonths(1).Month) : EndOfMonth(on.Year, on.Month),
        };
    }

    /// <summary>下周五 / next Friday is the Friday of next week; 本周五 / this Friday this week's; 周五 / Friday the next one.</summary>
    private static DateOnly? WeekdayDate(DateOnly on, string rel, string weekday)
    {
        var target = WeekdayIndex(weekday);
        if (target < 0) return null;
        var monday = on.AddDays(-(((int)on.DayOfWeek + 6) % 7));
        var weeks = rel.ToUpperInvariant() switch
        {
            "NEXT" or "下" or "下个" => 1,
            "下下" or "下下个" => 2,
            "THIS" or "本" or "这" or "这个" => 0,
            _ => -1,
        };
        if (weeks >= 0)
        {
            var date = monday.AddDays(7 * weeks + target);
            return date >= on ? date : date.AddDays(7);
        }
        var ahead = (target - ((int)on.DayOfWeek + 6) % 7 + 7) % 7;
        return on.AddDays(ahead == 0 ? 7 : ahead);
    }

    private static int WeekdayIndex(string weekday) => weekday.ToUpperInvariant() switch
    {
        "一" or "1" => 0, "二" or "2" => 1, "三" or "3" => 2, "四" or "4" => 3, "五" or "5" => 4, "六" or "6" => 5,
        "日" or "天" or "7" => 6,
        var w when w.Length >= 3 => Array.IndexOf(["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"], w[..3]),
        _ => -1,
    };

    private static int DaysAhead(string word) => word.ToUpperInvariant() switch { "今天" or "TODAY" => 0, "后天" => 2, _ => 1 };

    /// <summary>Holidays on a fixed date (Christmas, New Year's Day, 元旦, 国庆): the next one on or after the message.</summary>
    private static DateOnly? ReadHoliday(Match m, DateOnly on)
    {
        var value = m.Value.ToUpperInvariant();
        if (value.StartsWith('春') || value.StartsWith('过'))
            return SpringFestivals.Where(d => d >= on).Select(d => (DateOnly?)d).FirstOrDefault();
        var (month, day) = value.Contains("NEW", StringComparison.Ordinal) || value.Contains('元', StringComparison.Ordinal) ? (1, 1)
            : value.Contains('国', StringComparison.Ordinal) ? (10, 1) : (12, 25);
        return Next(on, month, day);
    }

    /// <summary>春节 follows the lunar calendar: its dates, 2026-2030.</summary>
    private static readonly DateOnly[] SpringFestivals =
        [new(2026, 2, 17), new(2027, 2, 6), new(2028, 1, 26), new(2029, 2, 13), new(2030, 2, 3)];

    private static DateOnly? ReadDuration(Match m, DateOnly on)
    {
        var n = Count(m.Groups["n"].Value);
        if (n is null or <= 0 or > 366) return null;
        var unit = m.Groups["unit"].Value.ToUpperInvariant();
        if (unit.Contains("工作日", StringComparison.Ordinal) || unit.StartsWith("BUSINESS", StringComparison.Ordinal)
            || unit.StartsWith("WORKING", StringComparison.Ordinal))
            return BusinessDays(on, (int)n.Value);
        if (unit.StartsWith('月') || unit.StartsWith("MONTH", StringComparison.Ordinal))
            return n == 0.5m ? on.AddDays(15) : on.AddMonths((int)n.Value);
        if (unit.StartsWith('H')) return on.AddDays((int)Math.Ceiling(n.Value / 24));
        var perUnit = unit.StartsWith('天') || unit.StartsWith("DAY", StringComparison.Ordinal) ? 1 : 7;
        return on.AddDays((int)(n.Value * perUnit));
    }

    private static decimal? Count(string n) => n.ToUpperInvariant() switch
    {
        "A" or "AN" or "ONE" => 1, "TWO" => 2, "THREE" => 3, "FOUR" => 4, "FIVE" => 5, "SIX" => 6, "SEVEN" => 7, "EIGHT" => 8,
        "NINE" => 9, "TEN" => 10, "ELEVEN" => 11, "TWELVE" => 12, "FOURTEEN" => 14,
        var s when s.StartsWith("COUPLE", StringComparison.Ordinal) => 2,
        _ => ChineseNumber.TryParse(n, out var v) ? v : null,
    };

    private static DateOnly BusinessDays(DateOnly on, int days)
    {
        var date = on;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days--;
        }
        return date;
    }
}
