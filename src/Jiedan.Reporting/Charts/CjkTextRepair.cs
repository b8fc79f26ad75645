using System.Text;

namespace Jiedan.Reporting.Charts;

/// <summary>
/// Skia's SVG writer turns glyphs back into text through the font's reverse character map. In CJK fonts one glyph
/// serves both an ideograph and its Kangxi-radical or compatibility twin (工 and ⼯ U+2F2F), and the writer may pick
/// the twin: it looks the same but no longer matches when searched or copied. NFKC maps each twin back to the
/// unified ideograph; only characters in those blocks are touched, so full-width punctuation stays as written.
/// </summary>
internal static class CjkTextRepair
{
    public static string Repair(string text)
    {
        if (!text.Any(IsTwin))
            return text;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(IsTwin(c) ? c.ToString().Normalize(NormalizationForm.FormKC) : c);
        return builder.ToString();
    }

    private static bool IsTwin(char c) =>
        c is >= '\u2E80' and <= '\u2FDF' // CJK Radicals Supplement, Kangxi Radicals
            or >= '\uF900' and <= '\uFAFF'; // CJK Compatibility Ideographs
}
