using Jiedan.Domain.Calendar;
using Jiedan.Domain.Pipeline;
using Microsoft.Extensions.Configuration;

namespace Jiedan.Deals.Storage;

/// <summary>The stage list and the business-day calendar in force, from configuration (<c>Pipeline:*</c>).</summary>
public sealed record PipelineSettings(PipelineStages Stages, BusinessCalendar Calendar)
{
    /// <summary>Shipped with the application: mainland China 2025–2026 with make-up working days.</summary>
    public static string DefaultCalendarPath => Path.Combine(AppContext.BaseDirectory, "calendars", "cn-2025-2026.yml");

    /// <summary>
    /// <c>Pipeline:Calendar</c> names a calendar file (or "weekdays" for plain Monday–Friday in UTC);
    /// <c>Pipeline:Stages</c> lists stages as <c>Key|English|中文|blocked-after-days</c>.
    /// </summary>
    public static PipelineSettings FromConfiguration(IConfiguration configuration)
    {
        var calendarSetting = configuration["Pipeline:Calendar"];
        var calendar = calendarSetting switch
        {
            "weekdays" => BusinessCalendar.WeekdaysUtc,
            null or "" => File.Exists(DefaultCalendarPath) ? LoadCalendar(DefaultCalendarPath) : BusinessCalendar.WeekdaysUtc,
            var path => LoadCalendar(path),
        };
        var stageLines = configuration.GetSection("Pipeline:Stages").GetChildren().Select(c => c.Value).OfType<string>().ToList();
        var stages = stageLines.Count == 0 ? PipelineStages.Default : new PipelineStages(stageLines.Select(ParseStage).ToList());
        return new PipelineSettings(stages, calendar);
    }

    public static BusinessCalendar LoadCalendar(string path)
    {
        if (!File.Exists(path)) throw new CalendarFileException($"{path}: calendar file not found");
        return CalendarFile.Parse(File.ReadAllText(path), path);
    }

    private static Stage ParseStage(string line)
    {
        var parts = line.Split('|');
        if (parts.Length < 3) throw new FormatException($"Pipeline:Stages entry '{line}': expected Key|English|中文[|blocked-after-days]");
        var days = parts.Length > 3 && int.TryParse(parts[3], out var d) ? d : 5;
        return new Stage(parts[0].Trim(), parts[1].Trim(), parts[2].Trim(), days);
    }
}
