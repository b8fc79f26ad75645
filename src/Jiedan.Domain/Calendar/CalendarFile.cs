using System.Globalization;
using Jiedan.Domain.Parsing;
using YamlDotNet.RepresentationModel;

namespace Jiedan.Domain.Calendar;

/// <summary>
/// Reads a calendar file (YAML): name, timezone, weekend days, holidays and make-up working days.
/// Dates are single days (<c>2025-10-01</c>) or inclusive ranges (<c>2025-10-01..2025-10-08</c>).
/// </summary>
public static class CalendarFile
{
    public static BusinessCalendar Parse(string yaml, string fileName)
    {
        YamlStream stream;
        try { stream = BoundedYaml.Load(yaml); }
        catch (PositionedParseException e) { throw new CalendarFileException($"{fileName}:{e.Line}:{e.Column}: {e.Problem}"); }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new CalendarFileException($"{fileName}:1:1: expected a mapping with name, timezone, holidays, workdays");

        CalendarFileException Error(YamlNode node, string message) =>
            new($"{fileName}:{node.Start.Line}:{node.Start.Column}: {message}");

        YamlNode? Node(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var n) ? n : null;

        string Scalar(string key, string fallback) => Node(key) switch
        {
            null => fallback,
            YamlScalarNode s => s.Value ?? fallback,
            var other => throw Error(other, $"'{key}' must be a single value"),
        };

        IEnumerable<YamlScalarNode> Items(string key) => Node(key) switch
        {
            null => [],
            YamlSequenceNode seq => seq.Children.Select(c => c as YamlScalarNode ?? throw Error(c, $"'{key}' items must be single values")),
            var other => throw Error(other, $"'{key}' must be a list"),
        };

        var weekend = Node("weekend") is null
            ? [DayOfWeek.Saturday, DayOfWeek.Sunday]
            : Items("weekend")
                .Select(n => Enum.TryParse<DayOfWeek>(n.Value, true, out var d) ? d : throw Error(n, "not a weekday (Monday … Sunday)"))
                .ToList();

        List<DateOnly> Dates(string key) => Items(key).SelectMany(n => ParseDates(n, Error)).ToList();

        var timeZone = Scalar("timezone", "UTC");
        try { TimeZoneInfo.FindSystemTimeZoneById(timeZone); }
        catch (TimeZoneNotFoundException) { throw Error(Node("timezone")!, "unknown timezone (an IANA name such as Asia/Shanghai)"); }

        try { return new BusinessCalendar(Scalar("name", Path.GetFileNameWithoutExtension(fileName)), timeZone, weekend, Dates("holidays"),
            Dates("workdays")); }
        catch (ArgumentException e) { throw new CalendarFileException($"{fileName}: {e.Message.Split(" (Parameter")[0]}"); }
    }

    /// <summary>A holiday or make-up range is days, not years; a wider one is a typo (and would expand to millions of dates).</summary>
    public const int MaxRangeDays = 366;

    private static List<DateOnly> ParseDates(YamlScalarNode node, Func<YamlNode, string, CalendarFileException> error)
    {
        var text = node.Value ?? "";
        var parts = text.Split("..", 2);
        var from = ParseDate(parts[0]) ?? throw error(node, "not a date (yyyy-MM-dd)");
        var to = parts.Length == 2 ? ParseDate(parts[1]) ?? throw error(node, "the end of the range is not a date (yyyy-MM-dd)") : from;
        if (to < from) throw error(node, "the range ends before it starts");
        if (to.DayNumber - from.DayNumber >= MaxRangeDays) throw error(node, $"a range spans at most {MaxRangeDays} days");
        var days = new List<DateOnly>();
        for (var d = from; d <= to; d = d.AddDays(1)) days.Add(d);
        return days;
    }

    private static DateOnly? ParseDate(string s) =>
        DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

public sealed class CalendarFileException(string message) : Exception(message);
