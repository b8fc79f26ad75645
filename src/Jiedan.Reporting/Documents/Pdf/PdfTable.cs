using SkiaSharp;

namespace Jiedan.Reporting.Documents.Pdf;

internal enum CellAlign { Left, Right }

/// <summary>One piece of text in a cell; a cell may stack several (a check's title above its note).</summary>
internal sealed record CellText(string Text, TextStyle Style);

/// <summary>A cell; with <paramref name="NoWrap"/> its column is made wide enough for the text on one line (status labels).</summary>
internal sealed record PdfCell(IReadOnlyList<CellText> Parts, CellAlign Align = CellAlign.Left, SKColor? Fill = null, bool NoWrap = false)
{
    public static PdfCell Of(string text, TextStyle style, CellAlign align = CellAlign.Left) => new([new CellText(text, style)], align);
}

internal sealed record PdfRow(IReadOnlyList<PdfCell> Cells, SKColor? Fill = null);

/// <summary>A table ready to lay out: a header repeated on every page, and rows.</summary>
internal sealed record PdfTable(PdfRow? Header, IReadOnlyList<PdfRow> Rows, bool Grid = true);
