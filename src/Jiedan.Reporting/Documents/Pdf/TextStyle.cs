using SkiaSharp;

namespace Jiedan.Reporting.Documents.Pdf;

/// <summary>How a piece of PDF text is drawn; sizes are in points.</summary>
internal readonly record struct TextStyle(float Size, bool Bold, SKColor Color)
{
    public float LineHeight => Size * 1.45f;

    /// <summary>Distance from the top of a line box to the baseline (CJK faces sit high: ascent ≈ 1.16 em).</summary>
    public float BaselineOffset => Size * 1.12f;

    public TextStyle WithColor(SKColor color) => this with { Color = color };

    public TextStyle AsBold() => this with { Bold = true };
}

/// <summary>The type scale and colours of PDF reports.</summary>
internal static class PdfStyles
{
    public static readonly SKColor Ink = SKColor.Parse(ReportTheme.Ink);
    public static readonly SKColor Muted = SKColor.Parse(ReportTheme.Muted);

    public static readonly TextStyle Title = new(20, true, Ink);
    public static readonly TextStyle Subtitle = new(12, false, Muted);
    public static readonly TextStyle Meta = new(9, false, Muted);
    public static readonly TextStyle Body = new(10.5f, false, Ink);
    public static readonly TextStyle TableText = new(9, false, Ink);
    public static readonly TextStyle Note = new(8, false, Muted);
    public static readonly TextStyle Footer = new(8, false, Muted);

    public static TextStyle Heading(int level) => level switch
    {
        <= 1 => new TextStyle(17, true, Ink),
        2 => new TextStyle(14, true, Ink),
        _ => new TextStyle(11.5f, true, Ink),
    };
}
