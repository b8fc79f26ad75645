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

    /// <summary>Throws <see cref="ArgumentException"/> naming the first row or index that does not fit the columns.</summary>
    public void Validate()
    {
        for (var r = 0; r < Rows.Count; r++)
        {
            if (Rows[r].Count != Columns.Count)
                throw new ArgumentException($"Table row {r} has {Rows[r].Count} cells for {Columns.Count} columns.", nameof(Rows));
        }
        foreach (var column in NumericColumns.Where(c => c < 0 || c >= Columns.Count))
            throw new ArgumentException($"Table numeric column {column} is outside 0..{Columns.Count - 1}.", nameof(NumericColumns));
        foreach (var row in HighlightRows.Where(r => r < 0 || r >= Rows.Count))
            throw new ArgumentException($"Table highlight row {row} is outside 0..{Rows.Count - 1}.", nameof(HighlightRows));
    }
}

public sealed record ChartBlock(ChartSpec Chart) : ReportBlock;
