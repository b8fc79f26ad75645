namespace Jiedan.Reporting.Fonts;

/// <summary>
/// Noto Sans CJK declares a glyph bounding box (head.yMin/yMax) about twice the height of its text line, because a
/// few rare glyphs are very tall. ScottPlot places label baselines from that box, so legend and axis labels drawn with
/// it are pushed up and clipped. Rewriting the box to the font's line ascender/descender (hhea) in the in-memory copy
/// gives ScottPlot the metrics of an ordinary text font; glyph outlines are untouched and nothing clips to this box.
/// </summary>
internal static class FontBoxPatch
{
    private const uint HeadTag = 0x68656164; // 'head'
    private const uint HheaTag = 0x68686561; // 'hhea'

    public static void Apply(byte[] font)
    {
        foreach (var faceOffset in FontTables.FaceOffsets(font))
        {
            if (FontTables.Find(font, faceOffset, HeadTag) is not { } head || FontTables.Find(font, faceOffset, HheaTag) is not { } hhea)
                continue;
            font.AsSpan(hhea + 6, 2).CopyTo(font.AsSpan(head + 38, 2)); // yMin := descender
            font.AsSpan(hhea + 4, 2).CopyTo(font.AsSpan(head + 42, 2)); // yMax := ascender
        }
    }
}
