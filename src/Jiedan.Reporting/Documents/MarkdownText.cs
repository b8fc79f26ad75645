using System.Text;

namespace Jiedan.Reporting.Documents;

/// <summary>Escapes caller text so Markdown shows it literally, never as markup or raw HTML.</summary>
internal static class MarkdownText
{
    private const string InlineSpecials = "\\`*_[]<>|~!";

    /// <summary>Text inside a line (headings, list items, emphasis).</summary>
    public static string Inline(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c == '&')
                escaped.Append("&amp;");
            else if (InlineSpecials.Contains(c, StringComparison.Ordinal))
                escaped.Append('\\').Append(c);
            else
                escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>A table cell: inline escaping, line breaks kept as &lt;br&gt;.</summary>
    public static string Cell(string text) =>
        string.Join("<br>", text.ReplaceLineEndings("\n").Split('\n').Select(Inline));

    /// <summary>A paragraph: each line escaped, and a line that would start a heading, list or quote is defused.</summary>
    public static string Block(string text) =>
        string.Join("  \n", text.ReplaceLineEndings("\n").Split('\n').Select(line =>
        {
            var escaped = Inline(line);
            var trimmed = escaped.TrimStart();
            if (trimmed.Length > 0 && trimmed[0] is '#' or '-' or '+' or '=')
                return "\\" + trimmed;
            var digits = trimmed.TakeWhile(char.IsAsciiDigit).Count();
            return digits > 0 && digits < trimmed.Length && trimmed[digits] is '.' or ')'
                ? trimmed.Insert(digits, "\\")
                : escaped;
        }));
}
