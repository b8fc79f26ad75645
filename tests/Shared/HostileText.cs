using CsCheck;

namespace Jiedan.Testing.Properties;

/// <summary>
/// Generators for property tests of parsers that read outside input: text mixing ordinary letters, CJK, emoji,
/// quotes, separators, line breaks, Unicode spaces and formula leaders, and text that looks like a given format
/// (its own tokens in random order) so that generated inputs get past the first line of a parser.
/// Compiled into each test project that uses it (linked source), so the domain tests need no heavier reference.
/// Each run draws new samples; a failure prints its seed, and <c>CsCheck_Seed=SEED</c> in the environment (or
/// <c>seed: "SEED"</c> in the call) replays exactly that sample.
/// </summary>
internal static class HostileText
{
    /// <summary>Iterations per property: enough to find shallow bugs, few enough to keep each test to a few seconds.</summary>
    public const int Iterations = 400;

    private static readonly string[] Awkward =
    [
        "\"", "'", ",", ";", ":", "\n", "\r\n", "\r", "\t", " ", "\u3000", "\u00a0", "\u200b", "\u200f", "\ufeff", "\\", "/",
        "=", "+", "-", "@", "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "@SUM(1)", "#", "{", "}", "[", "]", "<", ">", "&",
        "&amp;", "&#0;", "]]>", "<![CDATA[", "*", "?", "!", "**", "\u0000", "\u0001", "😀", "👩‍💻", "é", "e\u0301", "İ", "ß",
    ];

    /// <summary>One piece of text: a word, a CJK run, or an awkward character.</summary>
    public static readonly Gen<string> Piece = Gen.Frequency(
        (4, Gen.Char['a', 'z'].Array[1, 6].Select(c => new string(c))),
        (3, Gen.Char['\u4e00', '\u9fa5'].Array[1, 4].Select(c => new string(c))),
        (1, Gen.Int[0, 99_999].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (4, Gen.OneOf(Awkward)),
        (1, Gen.Char.Select(c => char.IsSurrogate(c) ? "?" : c.ToString())));

    /// <summary>Arbitrary well-formed Unicode text, up to <paramref name="pieces"/> pieces long.</summary>
    public static Gen<string> Text(int pieces = 12) => Piece.Array[0, pieces].Select(string.Concat);

    /// <summary>Text built from a format's own tokens mixed with hostile pieces, lines joined by a random line break.</summary>
    public static Gen<string> Like(string[] tokens, int lines = 8) =>
        Gen.Frequency((3, Gen.OneOf(tokens)), (1, Piece)).Array[0, 10].Select(string.Concat).Array[0, lines]
            .Select(Gen.OneOf("\n", "\r\n"), (ls, nl) => string.Join(nl, ls));

    /// <summary>A valid sample with a few random edits: pieces inserted, spans deleted, spans duplicated.</summary>
    public static Gen<string> Mutated(string sample) =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, sample.Length].Array[3], Gen.Int[0, 40], Text(3), (kind, at, span, piece) =>
        {
            var from = Math.Min(at[0], at[1]);
            var length = Math.Min(span, sample.Length - from);
            return kind switch
            {
                0 => sample.Insert(at[2], piece),
                1 => sample.Remove(from, length),
                2 => sample.Insert(at[2], sample.Substring(from, length)),
                _ => sample[..at[2]],
            };
        });

    /// <summary>Arbitrary bytes, including invalid UTF-8.</summary>
    public static readonly Gen<byte[]> Bytes = Gen.Byte.Array[0, 300];
}

/// <summary>The contract every outside-input parser keeps: a value, or its own positioned error, never another exception.</summary>
internal static class ParserContract
{
    /// <summary>Runs <paramref name="parse"/>; its documented error goes to <paramref name="positioned"/>, anything else escapes.</summary>
    public static void ValueOr<TError>(Func<object?> parse, Action<TError> positioned) where TError : Exception
    {
        try { parse(); }
        catch (TError e) { positioned(e); }
    }
}
