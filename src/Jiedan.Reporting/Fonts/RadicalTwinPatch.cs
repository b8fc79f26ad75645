using System.Buffers.Binary;

namespace Jiedan.Reporting.Fonts;

/// <summary>
/// In CJK fonts one glyph serves both an ideograph and its Kangxi-radical or compatibility twin (工 U+5DE5 and ⼯
/// U+2F2F). PDF and SVG writers turn glyphs back into text through the font's character map and keep the lowest code
/// point, so a report's 工作日 would be extracted, searched and copied as ⼯作⽇. Unmapping the twin blocks in the
/// in-memory copy of the font (format 12 character map) leaves each shared glyph with only its ideograph.
/// The twins themselves then fall back to another font; they do not occur in ordinary text.
/// </summary>
internal static class RadicalTwinPatch
{
    private const uint CmapTag = 0x636D6170; // 'cmap'

    private static readonly (uint First, uint Last)[] TwinBlocks =
    [
        (0x2E80, 0x2FDF), // CJK Radicals Supplement, Kangxi Radicals
        (0xF900, 0xFAFF), // CJK Compatibility Ideographs
        (0x2F800, 0x2FA1F), // CJK Compatibility Ideographs Supplement
    ];

    public static void Apply(byte[] font)
    {
        foreach (var faceOffset in FontTables.FaceOffsets(font))
        {
            if (FontTables.Find(font, faceOffset, CmapTag) is { } cmap)
                PatchCmap(font, cmap);
        }
    }

    private static void PatchCmap(byte[] font, int cmap)
    {
        var subtableCount = ReadUInt16(font, cmap + 2);
        for (var i = 0; i < subtableCount; i++)
        {
            var subtable = cmap + (int)ReadUInt32(font, cmap + 4 + 8 * i + 4);
            if (ReadUInt16(font, subtable) == 12)
                PatchSegmentedCoverage(font, subtable);
        }
    }

    // A group lying inside a twin block is shrunk to its first code point and pointed at glyph 0 (.notdef), which
    // character-map readers treat as "not mapped". Groups stay sorted and disjoint, so the table remains valid.
    private static void PatchSegmentedCoverage(byte[] font, int subtable)
    {
        var groupCount = ReadUInt32(font, subtable + 12);
        for (var g = 0; g < groupCount; g++)
        {
            var group = subtable + 16 + 12 * g;
            var start = ReadUInt32(font, group);
            var end = ReadUInt32(font, group + 4);
            if (!TwinBlocks.Any(block => start >= block.First && end <= block.Last))
                continue;
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(group + 4, 4), start);
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(group + 8, 4), 0);
        }
    }

    private static ushort ReadUInt16(byte[] font, int offset) => BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(offset, 2));

    private static uint ReadUInt32(byte[] font, int offset) => BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(offset, 4));
}
