using Jiedan.Reporting.Charts;

namespace Jiedan.Reporting.Documents;

public abstract record ReportBlock;

/// <summary>A section heading; level 1 is the size of the document title, 2 a section, 3 and below sub-sections.</summary>
public sealed record Heading(string Text, int Level = 2) : ReportBlock;

/// <summary>Plain text; a blank line ("\n\n") separates paragraphs, a single "\n" breaks the line.</summary>
public sealed record Paragraph(string Text) : ReportBlock;

public sealed record KeyValueList(IReadOnlyList<KeyValuePair<string, string>> Items) : ReportBlock;

/// <summary>A table of text cells; numeric columns are right-aligned, highlighted rows stand out.</summary>
public sealed record Table(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock
{
    /// <summary>Zero-based indices of columns holding numbers.</summary>
    public IReadOnlyList<int> NumericColumns { get; init; } = [];

    /// <summary>Zero-based indices of rows to draw in the warning colour.</summary>
    public IReadOnlyList<int> HighlightRows { get; init; } = [];
}

public sealed record ChartBlock(ChartSpec Chart) : ReportBlock;
