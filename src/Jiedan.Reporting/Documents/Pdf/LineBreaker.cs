using System.Text;

namespace Jiedan.Reporting.Documents.Pdf;

/// <summary>
/// Greedy line breaking for mixed Chinese and English: a line may break between any two CJK characters or at a space,
/// never inside a Latin word unless the word alone is wider than the line; closing punctuation stays with what precedes it.
/// </summary>
internal static class LineBreaker
{
    private const string ClosingPunctuation = "，。、；：？！）」』】》〉％,.;:!?)]}%…";
    private const string OpeningPunctuation = "（「『【《〈([{“‘";

    public static List<string> Wrap(string text, float maxWidth, Func<string, float> measure)
    {
        var lines = new List<string>();
        foreach (var hardLine in text.ReplaceLineEndings("\n").Replace('\t', ' ').Split('\n'))
            WrapLine(hardLine, maxWidth, measure, lines);
        return lines;
    }

    private static void WrapLine(string line, float maxWidth, Func<string, float> measure, List<string> lines)
    {
        var current = new StringBuilder();
        var width = 0f;
        foreach (var token in Tokens(line))
        {
            var tokenWidth = measure(token);
            if (width + tokenWidth <= maxWidth)
            {
                current.Append(token);
                width += tokenWidth;
                continue;
            }
            if (string.IsNullOrWhiteSpace(token))
            {
                Flush();
                continue;
            }
            Flush();
            if (tokenWidth <= maxWidth)
            {
                current.Append(token);
                width = tokenWidth;
                continue;
            }
            foreach (var rune in token.EnumerateRunes())
            {
                var piece = rune.ToString();
                var pieceWidth = measure(piece);
                if (width + pieceWidth > maxWidth && current.Length > 0)
                    Flush();
                current.Append(piece);
                width += pieceWidth;
            }
        }
        lines.Add(current.ToString().TrimEnd());

        void Flush()
        {
            if (current.Length > 0)
                lines.Add(current.ToString().TrimEnd());
            current.Clear();
            width = 0;
        }
    }

    /// <summary>Splits a line into unbreakable pieces: spaces, Latin words, single CJK characters with their punctuation.</summary>
    internal static List<string> Tokens(string line)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in line.EnumerateRunes())
        {
            var piece = rune.ToString();
            if (Rune.IsWhiteSpace(rune))
            {
                FlushWord();
                tokens.Add(piece);
            }
            else if (IsCjk(rune.Value))
            {
                FlushWord();
                tokens.Add(piece);
            }
            else
            {
                word.Append(piece);
            }
        }
        FlushWord();
        return GlueCjkPunctuation(tokens);

        void FlushWord()
        {
            if (word.Length > 0)
                tokens.Add(word.ToString());
            word.Clear();
        }
    }

    private static List<string> GlueCjkPunctuation(List<string> tokens)
    {
        var glued = new List<string>(tokens.Count);
        var pendingOpening = "";
        foreach (var token in tokens)
        {
            var isSpace = string.IsNullOrWhiteSpace(token);
            if (!isSpace && ClosingPunctuation.Contains(token[0], StringComparison.Ordinal) && glued.Count > 0
                && !string.IsNullOrWhiteSpace(glued[^1]) && pendingOpening.Length == 0)
            {
                glued[^1] += token;
            }
            else if (!isSpace && token.Length == 1 && OpeningPunctuation.Contains(token[0], StringComparison.Ordinal))
            {
                pendingOpening += token;
            }
            else
            {
                glued.Add(pendingOpening + token);
                pendingOpening = "";
            }
        }
        if (pendingOpening.Length > 0)
            glued.Add(pendingOpening);
        return glued;
    }

    internal static bool IsCjk(int codePoint) =>
        codePoint is >= 0x2E80 and <= 0x9FFF     // radicals, CJK punctuation, kana, ideographs
            or >= 0xAC00 and <= 0xD7AF           // Hangul
            or >= 0xF900 and <= 0xFAFF           // compatibility ideographs
            or >= 0xFF00 and <= 0xFFEF           // full-width forms
            or >= 0x20000 and <= 0x3FFFF;        // supplementary ideographs
}
