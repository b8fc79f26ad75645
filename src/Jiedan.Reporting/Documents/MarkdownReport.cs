using System.Text;
using Jiedan.Reporting.Charts;

namespace Jiedan.Reporting.Documents;

/// <summary>GitHub-flavoured Markdown, suitable as a pull-request comment; charts become a collapsed data table.</summary>
public static class MarkdownReport
{
    public static string Render(ReportDocument doc)
    {
        ReportValidation.Validate(doc);
        var texts = ReportTexts.For(doc.Language);
        var md = new StringBuilder();
        md.Append("# ").Append(MarkdownText.Inline(doc.Title)).Append("\n\n");
        if (doc.Subtitle is { } subtitle)
            md.Append('_').Append(MarkdownText.Inline(subtitle)).Append("_\n\n");
        AppendDefinitions(md, doc.Meta);
        foreach (var block in doc.Blocks)
        {
            switch (block)
            {
                case Heading heading:
                    md.Append('#', Math.Clamp(heading.Level, 1, 6)).Append(' ').Append(MarkdownText.Inline(heading.Text)).Append("\n\n");
                    break;
                case Paragraph paragraph:
                    foreach (var part in paragraph.Text.Split("\n\n"))
                        md.Append(MarkdownText.Block(part)).Append("\n\n");
                    break;
                case KeyValueList list:
                    AppendDefinitions(md, list.Items);
                    break;
                case Table table:
                    AppendTable(md, table.Columns, table.Rows, table.NumericColumns, table.HighlightRows);
                    break;
                case Checklist checklist:
                    AppendChecklist(md, checklist, texts);
                    break;
                case ChartBlock chart:
                    AppendChart(md, chart.Chart, texts);
                    break;
                default:
                    throw new NotSupportedException($"Block type {block.GetType().Name} has no Markdown rendering.");
            }
        }
        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static void AppendDefinitions(StringBuilder md, IReadOnlyList<KeyValuePair<string, string>> items)
    {
        if (items.Count == 0)
            return;
        foreach (var (key, value) in items)
            md.Append("- **").Append(MarkdownText.Inline(key)).Append("**: ").Append(MarkdownText.Inline(value)).Append('\n');
        md.Append('\n');
    }

    private static void AppendTable(StringBuilder md, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows,
        IReadOnlyList<int> numericColumns, IReadOnlyList<int> highlightRows)
    {
        md.Append('|');
        foreach (var column in columns)
            md.Append(' ').Append(MarkdownText.Cell(column)).Append(" |");
        md.Append("\n|");
        for (var c = 0; c < columns.Count; c++)
            md.Append(numericColumns.Contains(c) ? " ---: |" : " --- |");
        md.Append('\n');
        for (var r = 0; r < rows.Count; r++)
        {
            var bold = highlightRows.Contains(r);
            md.Append('|');
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = c < rows[r].Count ? MarkdownText.Cell(rows[r][c]) : "";
                md.Append(' ').Append(bold && cell.Length > 0 ? $"**{cell}**" : cell).Append(" |");
            }
            md.Append('\n');
        }
        md.Append('\n');
    }

    private static void AppendChecklist(StringBuilder md, Checklist checklist, ReportTexts texts)
    {
        md.Append("**").Append(MarkdownText.Inline(texts.Summary(checklist.Items))).Append("**\n\n");
        var rows = checklist.Items.Select(item => (IReadOnlyList<string>)
        [
            $"{StatusIcon(item.Status)} {texts.StatusLabel(item.Status)}",
            item.Id,
            item.Title,
            item.Measured,
            item.Threshold,
            item.Note ?? "",
        ]).ToList();
        AppendTable(md, [texts.Status, "ID", texts.Check, texts.Measured, texts.Threshold, texts.Note], rows, [3, 4], []);
    }

    private static string StatusIcon(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "✅",
        CheckStatus.Fail => "❌",
        CheckStatus.Skipped => "⏭️",
        _ => "⚠️",
    };

    // A comment cannot carry an image without hosting it, so the chart's numbers go in a collapsed table.
    private static void AppendChart(StringBuilder md, ChartSpec chart, ReportTexts texts)
    {
        md.Append("<details>\n<summary>📊 ").Append(System.Net.WebUtility.HtmlEncode(chart.Title)).Append("</summary>\n\n")
            .Append(MarkdownText.Inline(texts.ChartNote)).Append("\n\n");
        var columns = new List<string> { chart.XAxisLabel ?? "" };
        columns.AddRange(chart.Series.Select(s => s.Name));
        var rows = chart.Labels.Select((label, i) =>
        {
            var row = new List<string> { label };
            row.AddRange(chart.Series.Select(s => i < s.Values.Count ? ChartPlotBuilder.FormatValue(s.Values[i]) : ""));
            return (IReadOnlyList<string>)row;
        }).ToList();
        AppendTable(md, columns, rows, [.. Enumerable.Range(1, chart.Series.Count)], chart.HighlightIndices);
        md.Append("</details>\n\n");
    }
}
