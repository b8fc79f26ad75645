using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Jiedan.Loc.Counting;

/// <summary>
/// The few byte searches the classifier needs. A search for any of a set goes through <see cref="SearchValues{T}"/>,
/// precompiled in the runtime. The line-end mask and the non-blank scan are written here against Vector256/Vector128 so
/// they are compiled fully optimised on first use: a CLI run is over before tiered compilation would promote generic
/// helpers. The native jiedan-loc is compiled for x86-64-v2 (Vector256 is not accelerated there, unless published with
/// -p:IlcInstructionSet=native): the Vector128 loops are its path.
/// </summary>
internal static class ByteScan
{
    /// <summary>Index of the first byte of <paramref name="text"/> that is in <paramref name="set"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOfAny(ReadOnlySpan<byte> text, ByteSet set) => text.IndexOfAny(set.Values);

    /// <summary>Bit i set where <paramref name="text"/>[<paramref name="start"/> + i] is <paramref name="value"/>, for the 64 bytes
    /// from <paramref name="start"/> (fewer at the end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Mask64(ReadOnlySpan<byte> text, int start, byte value)
    {
        if (start + 64 <= text.Length)
        {
            ref var at = ref Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(text), start);
            if (Vector256.IsHardwareAccelerated)
            {
                var needle = Vector256.Create(value);
                return Vector256.Equals(Vector256.LoadUnsafe(ref at), needle).ExtractMostSignificantBits()
                    | ((ulong)Vector256.Equals(Vector256.LoadUnsafe(ref at, 32), needle).ExtractMostSignificantBits() << 32);
            }
            if (Vector128.IsHardwareAccelerated)
            {
                var needle = Vector128.Create(value);
                return Vector128.Equals(Vector128.LoadUnsafe(ref at), needle).ExtractMostSignificantBits()
                    | ((ulong)Vector128.Equals(Vector128.LoadUnsafe(ref at, 16), needle).ExtractMostSignificantBits() << 16)
                    | ((ulong)Vector128.Equals(Vector128.LoadUnsafe(ref at, 32), needle).ExtractMostSignificantBits() << 32)
                    | ((ulong)Vector128.Equals(Vector128.LoadUnsafe(ref at, 48), needle).ExtractMostSignificantBits() << 48);
            }
        }
        var mask = 0UL;
        var end = Math.Min(text.Length, start + 64);
        for (var i = start; i < end; i++)
            if (text[i] == value) mask |= 1UL << (i - start);
        return mask;
    }

    /// <summary>Index of the first byte that is not ASCII whitespace (space, \t, \n, \v, \f, \r), or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int IndexOfNonWhitespace(ReadOnlySpan<byte> text)
    {
        for (var i = 0; i < text.Length; i++)
            if (!IsWhitespace(text[i])) return i;
        return -1;
    }

    /// <summary>ASCII whitespace: space, \t, \n, \v, \f, \r.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWhitespace(byte b) => b == ' ' || (uint)(b - '\t') <= '\r' - '\t';
}

/// <summary>The line ends of a text in order, found 64 bytes at a time: one vector compare serves the two or three lines a block
/// of source holds, where a search per line pays its set-up for every line.</summary>
internal ref struct LineEnds(ReadOnlySpan<byte> text)
{
    private readonly ReadOnlySpan<byte> _text = text;
    private int _block = -64;
    private ulong _mask;

    /// <summary>Goes on from <paramref name="position"/>: the next call returns the first '\n' at or after it.</summary>
    public void SkipTo(int position)
    {
        _block = position & ~63;
        _mask = ByteScan.Mask64(_text, _block, (byte)'\n') & (~0UL << (position & 63));
    }

    /// <summary>Index of the next '\n', or the text's length when there is none left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next()
    {
        while (_mask == 0)
        {
            if (_block + 64 >= _text.Length) return _text.Length;
            _block += 64;
            _mask = ByteScan.Mask64(_text, _block, (byte)'\n');
        }
        var at = _block + BitOperations.TrailingZeroCount(_mask);
        _mask &= _mask - 1;
        return at;
    }
}

/// <summary>
/// A small set of bytes (those that may start a comment or string), searched with the runtime's
/// <see cref="SearchValues{T}"/>.
/// </summary>
internal sealed class ByteSet
{
    public ByteSet(IEnumerable<byte> members)
    {
        // no LINQ or HashSet<byte> here: their byte instantiations are not precompiled, and this runs at start-up
        Span<bool> seen = stackalloc bool[256];
        var distinct = new List<byte>();
        foreach (var b in members)
        {
            if (seen[b]) continue;
            seen[b] = true;
            distinct.Add(b);
        }
        Members = distinct.ToArray();
        Values = SearchValues.Create(Members);
        if (Members.Length is > 0 and <= 3)
        {
            FitsCompares = true;
            Needle0 = Vector128.Create(Members[0]);
            Needle1 = Vector128.Create(Members[Math.Min(1, Members.Length - 1)]);
            Needle2 = Vector128.Create(Members[^1]);
        }
    }

    public byte[] Members { get; }

    /// <summary>The set as the runtime's vectorised searcher sees it (a nibble lookup: one cost whatever the set's size).</summary>
    public SearchValues<byte> Values { get; }

    /// <summary>One to three members: <see cref="PlainRuns"/> finds them with three vector compares (members repeated to fill),
    /// in the same pass that finds line ends.</summary>
    public bool FitsCompares { get; }

    public Vector128<byte> Needle0 { get; }
    public Vector128<byte> Needle1 { get; }
    public Vector128<byte> Needle2 { get; }
}
