using System.Buffers.Binary;

namespace Jiedan.Reporting.Fonts;

/// <summary>Finds faces and tables in an OpenType font or collection held in memory (for the in-place patches).</summary>
internal static class FontTables
{
    private const uint CollectionTag = 0x74746366; // 'ttcf'

    public static IReadOnlyList<int> FaceOffsets(byte[] font)
    {
        if (ReadUInt32(font, 0) != CollectionTag)
            return [0];
        var count = (int)ReadUInt32(font, 8);
        return [.. Enumerable.Range(0, count).Select(i => (int)ReadUInt32(font, 12 + 4 * i))];
    }

    /// <summary>Offset of the table with <paramref name="tag"/> in the face at <paramref name="faceOffset"/>, or null.</summary>
    public static int? Find(byte[] font, int faceOffset, uint tag)
    {
        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(faceOffset + 4, 2));
        for (var i = 0; i < tableCount; i++)
        {
            var record = faceOffset + 12 + 16 * i;
            if (ReadUInt32(font, record) == tag)
                return (int)ReadUInt32(font, record + 8);
        }
        return null;
    }

    private static uint ReadUInt32(byte[] font, int offset) => BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(offset, 4));
}
