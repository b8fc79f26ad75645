using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Jiedan.Reporting.Charts;

namespace Jiedan.Reporting.Documents;

/// <summary>One self-contained HTML file: inline CSS, charts as inline SVG, every caller string escaped.</summary>
public static partial class HtmlReport
{
    public static string Render(ReportDocument doc)
    {
        ReportValidation.Validate(doc);
        var texts = ReportTexts.For(doc.Language);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(texts.HtmlLang).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(doc.Title)).Append("</title>\n<style>").Append(HtmlStyles.Css)
                .Append("</style>\n</head>\n<body>\n<main>\n");
        html.Append("<header>\n<h1>").Append(Encode(doc.Title)).Append("</h1>\n");
        if (doc.Subtitle is { } subtitle)
            html.Append("<p class=\"subtitle\">").Append(Encode(subtitle)).Append("</p>\n");
        if (doc.Meta.Count > 0)
            AppendDefinitions(html, doc.Meta, "meta");
        html.Append("</header>\n");
        foreach (var block in doc.Blocks)
        {
            switch (block)
            {
                case Heading heading:
                    var level = Math.Clamp(heading.Level, 1, 6);
                    html.Append("<h").Append(level).Append('>').Append(Encode(heading.Text)).Append("</h").Append(level).Append(">\n");
                    break;
                case Paragraph paragraph:
                    foreach (var part in paragraph.Text.Split("\n\n"))
                        html.Append("<p>").Append(Encode(part).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</p>\n");
                    break;
                case KeyValueList list:
                    AppendDefinitions(html, list.Items, "kv");
                    break;
                case Table table:
                    AppendTable(html, table);
                    break;
                case Checklist checklist:
                    AppendChecklist(html, checklist, texts);
                    break;
                case ChartBlock chart:
                    html.Append("<figure class=\"chart\">\n").Append(InlineSvg(ChartRenderer.Svg(chart.Chart))).Append("\n</figure>\n");
                    break;
                default:
                    throw new NotSupportedException($"Block type {block.GetType().Name} has no HTML rendering.");
            }
        }
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static void AppendDefinitions(StringBuilder html, IReadOnlyList<KeyValuePair<string, string>> items, string cssClass)
    {
        html.Append("<dl class=\"").Append(cssClass).Append("\">\n");
        foreach (var (key, value) in items)
            html.Append("<dt>").Append(Encode(key)).Append("</dt><dd>").Append(Encode(value)).Append("</dd>\n");
        html.Append("</dl>\n");
    }

    private static void AppendTable(StringBuilder html, Table table)
    {
        html.Append("<table>\n<thead><tr>");
        for (var c = 0; c < table.Columns.Count; c++)
            html.Append(Cell("th", table.Columns[c], table.NumericColumns.Contains(c)));
        html.Append("</tr></thead>\n<tbody>\n");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            html.Append(table.HighlightRows.Contains(r) ? "<tr class=\"highlight\">" : "<tr>");
            var row = table.Rows[r];
            for (var c = 0; c < row.Count; c++)
                html.Append(Cell("td", row[c], table.NumericColumns.Contains(c)));
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static string Cell(string tag, string text, bool numeric) =>
        $"<{tag}{(numeric ? " class=\"num\"" : "")}>{Encode(text)}</{tag}>";

    private static void AppendChecklist(StringBuilder html, Checklist checklist, ReportTexts texts)
    {
        html.Append("<p class=\"summary\">").Append(Encode(texts.Summary(checklist.Items))).Append("</p>\n");
        html.Append("<table class=\"checklist\">\n<thead><tr><th>").Append(Encode(texts.Status)).Append("</th><th>ID</th><th>")
            .Append(Encode(texts.Check)).Append("</th><th class=\"num\">").Append(Encode(texts.Measured)).Append("</th><th class=\"num\">")
            .Append(Encode(texts.Threshold)).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var item in checklist.Items)
        {
            var status = item.Status.ToString().ToLowerInvariant();
            html.Append("<tr class=\"").Append(status).Append("\"><td><span class=\"status ").Append(status).Append("\">")
                .Append(Encode(texts.StatusLabel(item.Status))).Append("</span></td><td><code>").Append(Encode(item.Id))
                    .Append("</code></td><td>")
                .Append(Encode(item.Title));
            if (item.Note is { } note)
                html.Append("<div class=\"note\">").Append(Encode(note)).Append("</div>");
            html.Append("</td><td class=\"num\">").Append(Encode(item.Measured)).Append("</td><td class=\"num\">")
                .Append(Encode(item.Threshold)).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static string InlineSvg(string svg) =>
        XmlDeclaration().Replace(svg, "").Trim().Replace("<svg ", "<svg role=\"img\" class=\"chart-svg\" ", StringComparison.Ordinal);

    [GeneratedRegex(@"<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();
}
