using System.Text;
using Jiedan.Reporting.Fonts;
using SkiaSharp;

namespace Jiedan.Reporting.Documents.Pdf;

/// <summary>
/// Measures and draws text with the CJK font; characters it lacks (emoji, rare symbols) fall back to whatever installed
/// font has them, run by run. Text is drawn as glyph runs that carry their UTF-8 source and clusters, so the PDF gets an
/// /ActualText for every glyph whose reverse mapping would be wrong (CJK fonts map 工 and the radical ⼯ to one glyph).
/// </summary>
internal sealed class PdfFonts(CjkTypefaces faces)
{
    private readonly Dictionary<int, SKTypeface?> _fallbackByCodePoint = [];
    private readonly Dictionary<(string, float, bool), float> _widths = [];

    public float Measure(string text, TextStyle style)
    {
        var key = (text, style.Size, style.Bold);
        if (!_widths.TryGetValue(key, out var width))
            _widths[key] = width = MeasureRuns(text, style);
        return width;
    }

    private float MeasureRuns(string text, TextStyle style)
    {
        var width = 0f;
        foreach (var (typeface, run) in Runs(text, style.Bold))
        {
            using var font = CreateFont(typeface, style);
            width += font.MeasureText(run);
        }
        return width;
    }

    public void Draw(SKCanvas canvas, string text, float x, float baseline, TextStyle style)
    {
        using var paint = new SKPaint { Color = style.Color, IsAntialias = true };
        foreach (var (typeface, run) in Runs(text, style.Bold))
        {
            using var font = CreateFont(typeface, style);
            using var blob = TextRunBlob(run, font, x, baseline, out var advance);
            if (blob is not null)
                canvas.DrawText(blob, 0, 0, paint);
            x += advance;
        }
    }

    private SKFont CreateFont(SKTypeface typeface, TextStyle style) => new(typeface, style.Size)
    {
        Embolden = style.Bold && !faces.HasBold && typeface == faces.Regular,
        LinearMetrics = true,
        Subpixel = true,
    };

    private static SKTextBlob? TextRunBlob(string run, SKFont font, float x, float baseline, out float advance)
    {
        var glyphs = font.GetGlyphs(run);
        var widths = font.GetGlyphWidths(glyphs);
        advance = widths.Sum();
        if (glyphs.Length == 0)
            return null;
        var utf8 = Encoding.UTF8.GetBytes(run);
        using var builder = new SKTextBlobBuilder();
        var buffer = builder.AllocateHorizontalTextRun(font, glyphs.Length, baseline, utf8.Length, null);
        glyphs.CopyTo(buffer.Glyphs);
        utf8.CopyTo(buffer.Text);
        var positions = buffer.Positions;
        var clusters = buffer.Clusters;
        var glyph = 0;
        var byteOffset = 0;
        foreach (var rune in run.EnumerateRunes())
        {
            // GetGlyphs maps one glyph per code point, so glyph i belongs to the i-th rune.
            positions[glyph] = x;
            clusters[glyph] = (uint)byteOffset;
            x += widths[glyph];
            byteOffset += rune.Utf8SequenceLength;
            glyph++;
        }
        return builder.Build();
    }

    private IEnumerable<(SKTypeface Typeface, string Text)> Runs(string text, bool bold)
    {
        var primary = bold ? faces.Bold : faces.Regular;
        var run = new StringBuilder();
        SKTypeface? runFace = null;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune))
                continue;
            var face = primary.ContainsGlyph(rune.Value) ? primary : Fallback(rune.Value) ?? primary;
            if (runFace is not null && face != runFace)
            {
                yield return (runFace, run.ToString());
                run.Clear();
            }
            runFace = face;
            run.Append(rune.ToString());
        }
        if (runFace is not null && run.Length > 0)
            yield return (runFace, run.ToString());
    }

    private SKTypeface? Fallback(int codePoint)
    {
        if (!_fallbackByCodePoint.TryGetValue(codePoint, out var face))
        {
            face = SKFontManager.Default.MatchCharacter(codePoint);
            _fallbackByCodePoint[codePoint] = face;
        }
        return face;
    }
}
