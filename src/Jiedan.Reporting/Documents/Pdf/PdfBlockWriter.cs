using Jiedan.Reporting.Charts;
using SkiaSharp;

namespace Jiedan.Reporting.Documents.Pdf;

/// <summary>Writes each kind of report block onto the page flow.</summary>
internal sealed class PdfBlockWriter(PdfFonts fonts, PdfPageFlow flow, ReportTexts texts)
{
    private static readonly SKColor Accent = SKColor.Parse(ReportTheme.Accent);
    private static readonly SKColor Rule = SKColor.Parse(ReportTheme.Rule);
    private readonly PdfTableWriter _tables = new(fonts, flow);

    public void WriteHeader(ReportDocument doc)
    {
        WriteLines(doc.Title, PdfStyles.Title);
        if (doc.Subtitle is { } subtitle)
            WriteLines(subtitle, PdfStyles.Subtitle);
        flow.Y += 4;
        if (doc.Meta.Count > 0)
            _tables.Write(KeyValueTable(doc.Meta, PdfStyles.Meta));
        DrawRule(Accent, 1.5f);
        flow.Y += 10;
    }

    public void Write(ReportBlock block)
    {
        switch (block)
        {
            case Heading heading:
                WriteHeading(heading);
                break;
            case Paragraph paragraph:
                foreach (var part in paragraph.Text.Split("\n\n"))
                {
                    WriteLines(part, PdfStyles.Body);
                    flow.Y += 6;
                }
                break;
            case KeyValueList list:
                _tables.Write(KeyValueTable(list.Items, PdfStyles.TableText));
                break;
            case Table table:
                _tables.Write(DataTable(table));
                break;
            case Checklist checklist:
                WriteLines(texts.Summary(checklist.Items), PdfStyles.Body.AsBold());
                flow.Y += 4;
                _tables.Write(PdfChecklist.Table(checklist, texts));
                break;
            case ChartBlock chart:
                WriteChart(chart.Chart);
                break;
            default:
                throw new NotSupportedException($"Block type {block.GetType().Name} has no PDF rendering.");
        }
    }

    private void WriteHeading(Heading heading)
    {
        var style = PdfStyles.Heading(heading.Level);
        var lines = Wrap(heading.Text, style);
        var spaceBefore = heading.Level <= 2 ? 14f : 10f;
        // Keep the heading with the first lines of what follows it.
        flow.EnsureSpace(spaceBefore + lines.Count * style.LineHeight + 3 * PdfStyles.Body.LineHeight);
        if (!flow.AtPageTop)
            flow.Y += spaceBefore;
        DrawLines(lines, style);
        if (heading.Level <= 2)
            DrawRule(Rule, 0.75f);
        flow.Y += 6;
    }

    private void WriteLines(string text, TextStyle style) => DrawLines(Wrap(text, style), style);

    private List<string> Wrap(string text, TextStyle style) =>
        LineBreaker.Wrap(text, flow.ContentWidth, t => fonts.Measure(t, style));

    private void DrawLines(List<string> lines, TextStyle style)
    {
        foreach (var line in lines)
        {
            flow.EnsureSpace(style.LineHeight);
            fonts.Draw(flow.Canvas, line, flow.Left, flow.Y + style.BaselineOffset, style);
            flow.Y += style.LineHeight;
        }
    }

    private void DrawRule(SKColor color, float width)
    {
        using var paint = new SKPaint { Color = color, StrokeWidth = width, IsAntialias = true };
        flow.Y += 2;
        flow.Canvas.DrawLine(flow.Left, flow.Y, flow.Left + flow.ContentWidth, flow.Y, paint);
        flow.Y += width;
    }

    // A raster at twice the chart's nominal size rather than vectors: Skia would write the chart's labels with the
    // font's reverse glyph map (工 extracted as the radical ⼯), so searching the PDF would find garbled text.
    private void WriteChart(ChartSpec chart)
    {
        const int chartWidth = 800;
        const int chartHeight = 450;
        var height = chartHeight * flow.ContentWidth / chartWidth;
        flow.EnsureSpace(height + 8);
        flow.Y += 4;
        using var image = ChartRenderer.Raster(chart, chartWidth, chartHeight, scale: 2);
        var target = new SKRect(flow.Left, flow.Y, flow.Left + flow.ContentWidth, flow.Y + height);
        flow.Canvas.DrawImage(image, target, new SKSamplingOptions(SKCubicResampler.Mitchell));
        flow.Y += height + 10;
    }

    private static PdfTable KeyValueTable(IReadOnlyList<KeyValuePair<string, string>> items, TextStyle style) =>
        new(null, [.. items.Select(item => new PdfRow([PdfCell.Of(item.Key, style.AsBold()), PdfCell.Of(item.Value, style)]))],
            Grid: false);

    private static PdfTable DataTable(Table table)
    {
        var headerStyle = PdfStyles.TableText.AsBold();
        var header = new PdfRow(
            [.. table.Columns.Select((column, c) => PdfCell.Of(column, headerStyle, Align(table, c)))],
            SKColor.Parse(ReportTheme.HeaderFill));
        var rows = table.Rows.Select((row, r) =>
        {
            var highlighted = table.HighlightRows.Contains(r);
            var style = highlighted ? PdfStyles.TableText.AsBold() : PdfStyles.TableText;
            SKColor? fill = highlighted ? SKColor.Parse(ReportTheme.HighlightFill) : r % 2 == 1
                ? SKColor.Parse(ReportTheme.StripeFill) : null;
            return new PdfRow([.. row.Select((cell, c) => PdfCell.Of(cell, style, Align(table, c)))], fill);
        });
        return new PdfTable(header, [.. rows]);
    }

    private static CellAlign Align(Table table, int column) =>
        table.NumericColumns.Contains(column) ? CellAlign.Right : CellAlign.Left;
}
