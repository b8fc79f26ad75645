using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Jiedan.Loc.Counting;

/// <summary>What <see cref="PlainRuns.Count"/> found: the lines before the stop (the next opener, or the text's length), and
/// the start and end (its '\n', or the text's length) of the line holding the stop.</summary>
internal readonly record struct PlainRun(int Lines, int NonBlank, int Stop, int StopLineStart, int StopLineEnd);

/// <summary>
/// Outside comments and strings, every line before the next opener (a byte that may start a comment or anything spanning
/// lines) is code, or blank. These are counted 64 bytes at a time, without visiting lines: per block, one pass makes bit
/// masks of the line ends, of the bytes that are not whitespace and, for sets of up to three openers, of the openers.
/// </summary>
internal static class PlainRuns
{
    /// <summary>
    /// Counts the whole lines from <paramref name="start"/> (a line's start) that end before the next opener, and finds the
    /// line holding it. <paramref name="knownStop"/> is the next opener when already found (the text's length for none), or
    /// -1 to find it here, which needs <see cref="ByteSet.FitsCompares"/>. With no opener left every line to the end is
    /// counted, the last one even without its '\n'. A line is non-blank when it holds a byte that is not ASCII whitespace.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PlainRun Count(ReadOnlySpan<byte> text, int start, ByteSet openers, int knownStop)
    {
        var find = knownStop < 0;
        var stop = find ? text.Length : knownStop;
        int lines = 0, nonBlank = 0;
        var lastNewline = start - 1;
        var carry = 0UL; // 1 when the line running into this block already holds a non-blank byte
        for (var block = start; block < text.Length; block += 64)
        {
            var (newlines, visible, opens) = Masks(text, block, openers, find);
            if (opens != 0) stop = block + BitOperations.TrailingZeroCount(opens);
            if (stop < block + 64 && stop < text.Length)
            {
                var before = (1UL << (stop - block)) - 1;
                var ended = newlines & before;
                lines += BitOperations.PopCount(ended);
                nonBlank += BitOperations.PopCount(NonBlankLineEnds(ended, visible & before, carry));
                if (ended != 0) lastNewline = block + 63 - BitOperations.LeadingZeroCount(ended);
                var after = newlines & ~before;
                var end = after != 0 ? block + BitOperations.TrailingZeroCount(after) : NextNewline(text, block + 64);
                return new PlainRun(lines, nonBlank, stop, lastNewline + 1, end);
            }
            lines += BitOperations.PopCount(newlines);
            nonBlank += BitOperations.PopCount(NonBlankLineEnds(newlines, visible, carry));
            if (newlines != 0) lastNewline = block + 63 - BitOperations.LeadingZeroCount(newlines);
            var marked = newlines | visible;
            if (marked != 0) carry = (visible >> (63 - BitOperations.LeadingZeroCount(marked))) & 1;
        }
        if (start < text.Length && text[^1] != '\n')
        {
            lines++;
            nonBlank += (int)carry;
        }
        return new PlainRun(lines, nonBlank, text.Length, text.Length, text.Length);
    }

    /// <summary>
    /// The bits of <paramref name="newlines"/> that end a non-blank line: those whose nearest marked bit below (newline or
    /// <paramref name="visible"/> byte) is a visible byte. Adding each visible bit, moved up one, to the mask of unmarked
    /// bytes carries it through the whitespace after it into the next marked bit; a newline bit it reaches turns on.
    /// <paramref name="carry"/> (0 or 1) stands for a visible byte just before the block.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong NonBlankLineEnds(ulong newlines, ulong visible, ulong carry) =>
        (~(newlines | visible) + ((visible << 1) | carry)) & newlines;

    private static int NextNewline(ReadOnlySpan<byte> text, int from)
    {
        if (from >= text.Length) return text.Length;
        var k = text[from..].IndexOf((byte)'\n');
        return k < 0 ? text.Length : from + k;
    }

    /// <summary>For the 64 bytes from <paramref name="start"/> (fewer at the end): where the '\n' are, where the bytes that are
    /// not whitespace are, and (when <paramref name="findOpeners"/>) where the openers are. A short last block is read as the
    /// last 64 bytes of the text, shifted; only a text shorter than 64 bytes is looked at byte by byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Newlines, ulong Visible, ulong Openers) Masks(
        ReadOnlySpan<byte> text, int start, ByteSet openers, bool findOpeners)
    {
        if (!Vector128.IsHardwareAccelerated || text.Length < 64) return MasksOneByOne(text, start, openers, findOpeners);
        var from = Math.Min(start, text.Length - 64);
        ref var at = ref Unsafe.Add(ref MemoryMarshal.GetReference(text), from);
        var (n0, b0, o0) = Masks16(Vector128.LoadUnsafe(ref at), openers, findOpeners);
        var (n1, b1, o1) = Masks16(Vector128.LoadUnsafe(ref at, 16), openers, findOpeners);
        var (n2, b2, o2) = Masks16(Vector128.LoadUnsafe(ref at, 32), openers, findOpeners);
        var (n3, b3, o3) = Masks16(Vector128.LoadUnsafe(ref at, 48), openers, findOpeners);
        var shift = start - from; // bytes of the overlap already seen in the block before
        return ((n0 | n1 << 16 | n2 << 32 | n3 << 48) >> shift,
            ~(b0 | b1 << 16 | b2 << 32 | b3 << 48) >> shift,
            (o0 | o1 << 16 | o2 << 32 | o3 << 48) >> shift);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Newlines, ulong Blank, ulong Openers) Masks16(Vector128<byte> v, ByteSet openers, bool findOpeners)
    {
        var lf = Vector128.Equals(v, Vector128.Create((byte)'\n'));
        var ws = Vector128.Equals(v, Vector128.Create((byte)' '))
            | Vector128.LessThan(v - Vector128.Create((byte)'\t'), Vector128.Create((byte)5));
        var opens = 0UL;
        if (findOpeners)
        {
            var o = Vector128.Equals(v, openers.Needle0) | Vector128.Equals(v, openers.Needle1) | Vector128.Equals(v, openers.Needle2);
            opens = o.ExtractMostSignificantBits();
        }
        return (lf.ExtractMostSignificantBits(), ws.ExtractMostSignificantBits(), opens);
    }

    private static (ulong Newlines, ulong Visible, ulong Openers) MasksOneByOne(
        ReadOnlySpan<byte> text, int start, ByteSet openers, bool findOpeners)
    {
        ulong newlines = 0, visible = 0, opens = 0;
        var end = Math.Min(text.Length, start + 64);
        for (var i = start; i < end; i++)
        {
            var b = text[i];
            if (b == '\n') newlines |= 1UL << (i - start);
            else if (!ByteScan.IsWhitespace(b)) visible |= 1UL << (i - start);
            if (findOpeners && openers.Values.Contains(b)) opens |= 1UL << (i - start);
        }
        return (newlines, visible, opens);
    }
}
