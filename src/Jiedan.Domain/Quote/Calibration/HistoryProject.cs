namespace Jiedan.Domain.Quote.Calibration;

/// <summary>One finished project from the history file: what it measured and how long it really took.</summary>
public sealed record HistoryProject(int Line, double ActualHours, double? Lines, double? FunctionPoints, IReadOnlyDictionary<string,
    string> Factors);

/// <summary>The usable projects of a history file and the rows skipped as incomplete (by line number).</summary>
public sealed record HistoryData(string Source, IReadOnlyList<HistoryProject> Projects, IReadOnlyList<int> IncompleteLines,
    IReadOnlyList<string> FactorNames)
{
    /// <summary>The factors declared numeric-ordinal (see <see cref="HistoryColumns.OrdinalFactors"/>).</summary>
    public IReadOnlyList<string> NumericOrdinalFactors { get; init; } = [];
}

/// <summary>
/// Which columns of a history file mean what. Defaults: <c>actual_hours</c>, <c>lines</c>, <c>function_points</c>,
/// and as categorical factors whichever of <c>language</c>, <c>stack</c>, <c>platform</c>, <c>category</c> are present.
/// Header names match case-insensitively.
/// </summary>
public sealed record HistoryColumns(string Hours, string Lines, string FunctionPoints, IReadOnlyList<string>? Factors)
{
    /// <summary>Factor columns whose levels are numbers on an ordered scale (e.g. years of experience): one term each.</summary>
    public IReadOnlyList<string> OrdinalFactors { get; init; } = [];

    public static readonly IReadOnlyList<string> DefaultFactors = ["language", "stack", "platform", "category"];

    public static HistoryColumns Default { get; } = new("actual_hours", "lines", "function_points", null);
}

/// <summary>A history file problem with its place: line 1 is the header.</summary>
public sealed class HistoryFormatException(string source, int line, int column, string message)
    : FormatException($"{source}:{line}:{column}: {message}")
{
    public string File { get; } = source;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Problem { get; } = message;
}
