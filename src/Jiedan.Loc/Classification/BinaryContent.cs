namespace Jiedan.Loc.Classification;

/// <summary>
/// Perl's -B file test, which cloc uses: the first 512 bytes are binary if they hold a NUL, or, when they are
/// not valid UTF-8, if more than a third of them are control or high-bit bytes.
/// </summary>
internal static class BinaryContent
{
    private const int Block = 512;

    public static bool IsBinary(ReadOnlySpan<byte> content)
    {
        var head = content[..Math.Min(content.Length, Block)];
        if (head.IndexOf((byte)0) >= 0) return true;
        if (System.Text.Unicode.Utf8.IsValid(TrimPartialTail(head))) return false;
        var odd = 0;
        foreach (var b in head)
        {
            if (b > 127) odd++;
            else if (b < 32 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\b' or (byte)'\t' or (byte)'\f' or 27)) odd++;
        }
        return odd * 3 > head.Length;
    }

    /// <summary>The 512-byte block may cut a multi-byte character in two; that is not invalid UTF-8.</summary>
    private static ReadOnlySpan<byte> TrimPartialTail(ReadOnlySpan<byte> head)
    {
        for (var back = 1; back <= 3 && back <= head.Length; back++)
        {
            var b = head[^back];
            if (b < 0x80) return head;
            if (b >= 0xC0) return head[..^back];
        }
        return head;
    }
}
