using Jiedan.Reporting.Documents.Pdf;
using Jiedan.Reporting.Fonts;
using SkiaSharp;

namespace Jiedan.Reporting.Documents;

/// <summary>
/// A4 PDF with the CJK font embedded, wrapped tables, vector charts and page numbers.
/// </summary>
/// <remarks>
/// Written with SkiaSharp's PDF backend rather than PDFsharp: the CJK font installed on Debian (Noto Sans CJK) is an
/// OpenType collection with CFF outlines, which PDFsharp's font embedding cannot use, while Skia embeds the glyphs it
/// draws from any face it can load (as Type 3 glyph programs with a ToUnicode map). Skia has no layout engine, so
/// wrapping, tables and page breaks are done here by measuring with the same font.
/// </remarks>
public static class PdfReport
{
    public static byte[] Render(ReportDocument doc)
    {
        using var buffer = new MemoryStream();
        Render(doc, buffer);
        return buffer.ToArray();
    }

    /// <summary>Lays out the whole document before writing, so a failure leaves <paramref name="output"/> untouched.</summary>
    public static void Render(ReportDocument doc, Stream output)
    {
        ReportValidation.Validate(doc);
        var texts = ReportTexts.For(doc.Language);
        var fonts = new PdfFonts(CjkFont.Require());
        var pages = Layout(doc, fonts, texts);
        try
        {
            // Start from Default: a bare struct has EncodingQuality 0, which turns chart images into mush.
            var metadata = SKDocumentPdfMetadata.Default;
            metadata.Title = doc.Title;
            metadata.Subject = doc.Subtitle ?? "";
            metadata.Creator = "Jiedan";
            metadata.RasterDpi = 150;
            using var pdf = SKDocument.CreatePdf(output, metadata);
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = pdf.BeginPage(PdfPageFlow.PageWidth, PdfPageFlow.PageHeight);
                canvas.DrawPicture(pages[i]);
                DrawFooter(canvas, fonts, doc.Title, texts.Page(i + 1, pages.Count));
                pdf.EndPage();
            }
            pdf.Close();
        }
        finally
        {
            foreach (var page in pages)
                page.Dispose();
        }
    }

    private static List<SKPicture> Layout(ReportDocument doc, PdfFonts fonts, ReportTexts texts)
    {
        using var flow = new PdfPageFlow();
        var writer = new PdfBlockWriter(fonts, flow, texts);
        writer.WriteHeader(doc);
        foreach (var block in doc.Blocks)
            writer.Write(block);
        return flow.Finish();
    }

    private static void DrawFooter(SKCanvas canvas, PdfFonts fonts, string title, string pageLabel)
    {
        var style = PdfStyles.Footer;
        var baseline = PdfPageFlow.PageHeight - PdfPageFlow.BottomMargin / 2;
        var right = PdfPageFlow.PageWidth - PdfPageFlow.Margin;
        using var rule = new SKPaint { Color = SKColor.Parse(ReportTheme.Rule), StrokeWidth = 0.5f };
        canvas.DrawLine(PdfPageFlow.Margin, baseline - 14, right, baseline - 14, rule);
        var pageWidth = fonts.Measure(pageLabel, style);
        fonts.Draw(canvas, pageLabel, right - pageWidth, baseline, style);
        var titleRoom = right - pageWidth - 24 - PdfPageFlow.Margin;
        var shortTitle = LineBreaker.Wrap(title, titleRoom, t => fonts.Measure(t, style))[0];
        fonts.Draw(canvas, shortTitle, PdfPageFlow.Margin, baseline, style);
    }
}
