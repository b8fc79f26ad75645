using SkiaSharp;

namespace Jiedan.Reporting.Documents.Pdf;

/// <summary>
/// Lays out a <see cref="PdfTable"/>: column widths from the content, text wrapped inside cells, the header repeated
/// on every page, and a row taller than a page continued on the next one.
/// </summary>
internal sealed class PdfTableWriter(PdfFonts fonts, PdfPageFlow flow)
{
    private const float PadX = 5f;
    private const float PadY = 3.5f;
    private static readonly SKColor RuleColor = SKColor.Parse(ReportTheme.Rule);

    private sealed record Line(string Text, TextStyle Style);

    private sealed record LaidCell(List<Line> Lines, CellAlign Align, SKColor? Fill)
    {
        public float TextHeight => Lines.Sum(l => l.Style.LineHeight);
    }

    private sealed record LaidRow(List<LaidCell> Cells, SKColor? Fill)
    {
        public float Height => Cells.Count == 0 ? 0 : Cells.Max(c => c.TextHeight) + 2 * PadY;
    }

    public void Write(PdfTable table)
    {
        var columnCount = table.Rows.Select(r => r.Cells.Count).Append(table.Header?.Cells.Count ?? 0).Max();
        if (columnCount == 0)
            return;
        var widths = ColumnWidths(table, columnCount);
        var header = table.Header is null ? null : Lay(table.Header, widths);
        var rows = table.Rows.Select(r => Lay(r, widths)).ToList();
        var headerHeight = header?.Height ?? 0;

        flow.EnsureSpace(headerHeight + (rows.Count > 0 ? Math.Min(rows[0].Height, 4 * PdfStyles.TableText.LineHeight) : 0));
        DrawHeader();
        foreach (var row in rows)
        {
            if (row.Height > flow.Remaining && row.Height <= flow.PageContentHeight - headerHeight)
            {
                flow.NewPage();
                DrawHeader();
            }
            var progress = new int[row.Cells.Count];
            var freshPage = false;
            while (!DrawSlice(row, widths, table.Grid, progress, flow.Remaining - 2 * PadY, force: freshPage))
            {
                flow.NewPage();
                DrawHeader();
                freshPage = true;
            }
        }
        flow.Y += 8;

        void DrawHeader()
        {
            if (header is not null)
                DrawSlice(header, widths, table.Grid, new int[header.Cells.Count], float.MaxValue, force: true);
        }
    }

    /// <summary>
    /// Draws as many lines of each cell as fit in <paramref name="available"/>; true when the row is complete.
    /// With <paramref name="force"/> at least one line is drawn, so a line taller than a page cannot loop forever.
    /// </summary>
    private bool DrawSlice(LaidRow row, float[] widths, bool grid, int[] progress, float available, bool force)
    {
        var sliceLines = new List<Line>[row.Cells.Count];
        var textHeight = 0f;
        for (var c = 0; c < row.Cells.Count; c++)
        {
            sliceLines[c] = [];
            var used = 0f;
            var lines = row.Cells[c].Lines;
            while (progress[c] < lines.Count && used + lines[progress[c]].Style.LineHeight <= available)
            {
                used += lines[progress[c]].Style.LineHeight;
                sliceLines[c].Add(lines[progress[c]]);
                progress[c]++;
            }
            textHeight = Math.Max(textHeight, used);
        }
        var nothingDrawn = sliceLines.All(l => l.Count == 0) && row.Cells.Any(c => c.Lines.Count > 0);
        if (nothingDrawn && !force)
            return false;
        if (nothingDrawn)
        {
            for (var c = 0; c < row.Cells.Count; c++)
            {
                if (progress[c] < row.Cells[c].Lines.Count)
                    sliceLines[c].Add(row.Cells[c].Lines[progress[c]++]);
            }
            textHeight = sliceLines.Max(l => l.Sum(x => x.Style.LineHeight));
        }

        var height = textHeight + 2 * PadY;
        var canvas = flow.Canvas;
        var x = flow.Left;
        using var fill = new SKPaint { Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, Color = RuleColor, StrokeWidth = 0.5f, IsAntialias = true };
        for (var c = 0; c < row.Cells.Count; c++)
        {
            var rect = new SKRect(x, flow.Y, x + widths[c], flow.Y + height);
            if ((row.Cells[c].Fill ?? row.Fill) is { } color)
            {
                fill.Color = color;
                canvas.DrawRect(rect, fill);
            }
            if (grid)
                canvas.DrawRect(rect, stroke);
            var y = flow.Y + PadY;
            foreach (var line in sliceLines[c])
            {
                var textX = row.Cells[c].Align == CellAlign.Right
                    ? rect.Right - PadX - fonts.Measure(line.Text, line.Style)
                    : rect.Left + PadX;
                fonts.Draw(canvas, line.Text, textX, y + line.Style.BaselineOffset, line.Style);
                y += line.Style.LineHeight;
            }
            x += widths[c];
        }
        flow.Y += height;
        return row.Cells.Select((cell, c) => progress[c] >= cell.Lines.Count).All(done => done);
    }

    private LaidRow Lay(PdfRow row, float[] widths)
    {
        var cells = new List<LaidCell>();
        for (var c = 0; c < widths.Length; c++)
        {
            var cell = c < row.Cells.Count ? row.Cells[c] : PdfCell.Of("", PdfStyles.TableText);
            var lines = cell.Parts
                .SelectMany(part => LineBreaker.Wrap(part.Text, widths[c] - 2 * PadX, t => fonts.Measure(t, part.Style))
                    .Select(text => new Line(text, part.Style)))
                .ToList();
            cells.Add(new LaidCell(lines, cell.Align, cell.Fill));
        }
        return new LaidRow(cells, row.Fill);
    }

    // Natural width: the widest unwrapped line. Minimum: the widest word, which must not be broken if avoidable.
    private float[] ColumnWidths(PdfTable table, int columnCount)
    {
        var natural = new float[columnCount];
        var minimum = new float[columnCount];
        var allRows = table.Header is null ? table.Rows : table.Rows.Prepend(table.Header);
        foreach (var row in allRows)
        {
            for (var c = 0; c < row.Cells.Count && c < columnCount; c++)
            {
                var cell = row.Cells[c];
                foreach (var part in cell.Parts)
                {
                    foreach (var line in part.Text.ReplaceLineEndings("\n").Split('\n'))
                    {
                        var lineWidth = fonts.Measure(line, part.Style) + 2 * PadX;
                        natural[c] = Math.Max(natural[c], lineWidth);
                        var tokens = cell.NoWrap ? [line] : LineBreaker.Tokens(line);
                        foreach (var token in tokens)
                            minimum[c] = Math.Max(minimum[c], fonts.Measure(token, part.Style) + 2 * PadX);
                    }
                }
            }
        }
        return Distribute(natural, minimum, flow.ContentWidth);
    }

    /// <summary>
    /// Short columns (natural width within an equal share of what is left) keep their natural width and never wrap;
    /// long columns share the rest in proportion to their natural width, but never below their widest word.
    /// </summary>
    internal static float[] Distribute(float[] natural, float[] minimum, float total)
    {
        var widths = new float[natural.Length];
        var open = Enumerable.Range(0, natural.Length).ToList();
        var remaining = total;
        bool settled;
        do
        {
            settled = true;
            var share = remaining / open.Count;
            foreach (var c in open.Where(c => natural[c] <= share).ToList())
            {
                widths[c] = natural[c];
                remaining -= natural[c];
                open.Remove(c);
                settled = false;
            }
        }
        while (!settled && open.Count > 0);

        if (open.Count == 0)
        {
            // Everything fits on one line: spread the slack in proportion so the table spans the text width.
            var sum = widths.Sum();
            return [.. widths.Select(w => w / sum * total)];
        }
        var openNatural = open.Sum(c => natural[c]);
        foreach (var c in open)
            widths[c] = Math.Max(minimum[c], remaining * natural[c] / openNatural);
        var overflow = widths.Sum() - total;
        if (overflow > 0.01f)
        {
            // Minimum widths pushed past the page: take it back from columns above their minimum, then scale if needed.
            var slack = widths.Select((w, c) => Math.Max(0, w - minimum[c])).ToArray();
            var slackSum = slack.Sum();
            if (slackSum >= overflow)
                return [.. widths.Select((w, c) => w - slack[c] / slackSum * overflow)];
            var scale = total / widths.Sum();
            return [.. widths.Select(w => w * scale)];
        }
        return widths;
    }
}
