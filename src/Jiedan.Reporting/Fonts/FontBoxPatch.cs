using System.Buffers.Binary;

namespace Jiedan.Reporting.Fonts;

/// <summary>
/// Noto Sans CJK declares a glyph bounding box (head.yMin/yMax) about twice the height of its text line, because a
/// few rare glyphs are very tall. ScottPlot places label baselines from that box, so legend and axis labels drawn with
/// it are pushed up and clipped. Rewriting the box to the font's line ascender/descender (hhea) in the in-memory copy
/// gives ScottPlot the metrics of an ordinary text font; glyph outlines are untouched and nothing clips to this box.
/// </summary>
internal static class FontBoxPatch
{
    private const uint CollectionTag = 0x74746366; // 'ttcf'
    private const uint HeadTag = 0x68656164;       // 'head'
    private const uint HheaTag = 0x68686561;       // 'hhea'

    /// <summary>Patches every face in a font file or collection; returns false (bytes unchanged) when the layout is unexpected.</summary>
    public static bool Apply(byte[] font)
    {
        try
        {
            foreach (var faceOffset in FaceOffsets(font))
                PatchFace(font, faceOffset);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static IEnumerable<int> FaceOffsets(byte[] font)
    {
        if (ReadUInt32(font, 0) != CollectionTag)
            return [0];
        var count = (int)ReadUInt32(font, 8);
        return Enumerable.Range(0, count).Select(i => (int)ReadUInt32(font, 12 + 4 * i)).ToArray();
    }

    private static void PatchFace(byte[] font, int faceOffset)
    {
        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(faceOffset + 4, 2));
        int? head = null, hhea = null;
        for (var i = 0; i < tableCount; i++)
        {
            var record = faceOffset + 12 + 16 * i;
            var tag = ReadUInt32(font, record);
            var offset = (int)ReadUInt32(font, record + 8);
            if (tag == HeadTag)
                head = offset;
            else if (tag == HheaTag)
                hhea = offset;
        }
        if (head is not { } headAt || hhea is not { } hheaAt)
            return;
        var ascender = font.AsSpan(hheaAt + 4, 2).ToArray();
        var descender = font.AsSpan(hheaAt + 6, 2).ToArray();
        descender.CopyTo(font.AsSpan(headAt + 38, 2)); // yMin
        ascender.CopyTo(font.AsSpan(headAt + 42, 2));  // yMax
    }

    private static uint ReadUInt32(byte[] font, int offset) => BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(offset, 4));
}
