using System.Globalization;
using System.Text;

namespace Jiedan.Domain.Bot;

/// <summary>One line of a chat message as the parser reads it: full-width digits and letters as ASCII, keycap numbers
/// (1️⃣) as "1.", emoji removed, runs of whitespace as one space (which also keeps the patterns' work linear).</summary>
internal static class RequirementText
{
    public static string Normalize(string line, out bool emojiLed)
    {
        var result = new StringBuilder(line.Length);
        emojiLed = false;
        var seenText = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is >= '0' and <= '9' && Keycap(line, i) is var skip and > 0)
            {
                result.Append(c).Append(". ");
                i += skip;
                seenText = true;
                continue;
            }
            if (IsEmoji(line, i, out var width))
            {
                // 💰 5k: the money bag stands for the word budget.
                if (line.AsSpan(i) is var rest && (rest.StartsWith("💰", StringComparison.Ordinal)
                    || rest.StartsWith("💵", StringComparison.Ordinal))) result.Append(" budget ");
                emojiLed |= !seenText;
                i += width - 1;
                continue;
            }
            var ascii = Ascii(c);
            if (char.IsWhiteSpace(ascii) && result.Length > 0 && result[^1] == ' ') continue;
            seenText |= !char.IsWhiteSpace(ascii);
            result.Append(char.IsWhiteSpace(ascii) ? ' ' : ascii);
        }
        return result.ToString();
    }

    private static char Ascii(char c) => c switch
    {
        >= '０' and <= '９' or >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        _ => c,
    };

    /// <summary>How many characters after a digit make it a keycap (1️⃣ is '1', U+FE0F, U+20E3), else 0.</summary>
    private static int Keycap(string s, int i)
    {
        var j = i + 1;
        if (j < s.Length && s[j] == '\uFE0F') j++;
        return j < s.Length && s[j] == '\u20E3' ? j - i : 0;
    }

    private static bool IsEmoji(string s, int i, out int width)
    {
        width = 1;
        if (s[i] is '\uFE0F' or '\u200D' or '\u20E3') return true;
        if (Rune.DecodeFromUtf16(s.AsSpan(i), out var rune, out width) != System.Buffers.OperationStatus.Done) return false;
        var category = Rune.GetUnicodeCategory(rune);
        // Symbols from arrows' block on are pictographs (✅ ⏰ 🚀); arrows themselves (→) are math symbols and stay.
        return rune.Value >= 0x2190 && category is UnicodeCategory.OtherSymbol
            || rune.Value >= 0x1F000 && category is UnicodeCategory.ModifierSymbol;
    }
}
