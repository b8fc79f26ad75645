using System.Text;

namespace Jiedan.Loc.Cloc;

/// <summary>
/// cloc's call_regexp_common: the lines joined (for C++, a line ending in a backslash is joined without its added newline),
/// every match of Regexp::Common's comment pattern for the language removed, the text split again on newlines. The C, C++
/// and PL/SQL patterns are scanned by hand (their regexes backtrack badly on an unclosed /*); the others are the patterns
/// themselves.
/// </summary>
internal static class RegexpCommon
{
    private const string Space = @"\s";

    public static List<string> Remove(List<string> lines, string language)
    {
        var joined = new StringBuilder();
        foreach (var line in lines)
        {
            if (language == "C++" && ClocFilters.Rx(@"\\$").IsMatch(line)) joined.Append(line);
            else if (language == "C++") joined.Append(line).Append('\n');
            else joined.Append(line);
        }
        var text = joined.ToString();
        var stripped = language switch
        {
            "C" => StripComments(text, null),
            "C++" => StripComments(text, "//"),
            "PL/SQL" => StripComments(text, "--"),
            "HTML" => PerlRegex.Get("(?:<!(?:--(?:[^-]*(?:-[^-]+)*)--" + Space + "*)*>)").Replace(text, ""),
            "Pascal" => PerlRegex.Get(@"(?:(?:[{]|[(][*])(?:[^}*]*(?:[*](?![)])[^}*]*)*)(?:[}]|[*][)]))").Replace(text, ""),
            "Smalltalk" => PerlRegex.Get("\"[^\"]*\"").Replace(text, ""),
            _ => throw new InvalidOperationException($"Regexp::Common comment pattern for {language} is not implemented"),
        };
        return ClocFilters.SplitLikePerl(stripped);
    }

    /// <summary>Removes, left to right, /* … */ comments and (when given) line comments up to and including their newline; an
    /// opener without its closer is left as it is, as the regex leaves it.</summary>
    private static string StripComments(string text, string? lineMarker)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        var copied = 0;
        var noBlockCloseFrom = int.MaxValue;
        var noNewlineFrom = int.MaxValue;
        while (i < text.Length - 1)
        {
            if (lineMarker is not null && text[i] == lineMarker[0] && text[i + 1] == lineMarker[1] && i < noNewlineFrom)
            {
                var nl = text.IndexOf('\n', i + 2);
                if (nl >= 0)
                {
                    sb.Append(text, copied, i - copied);
                    i = copied = nl + 1;
                    continue;
                }
                noNewlineFrom = i;
            }
            if (text[i] == '/' && text[i + 1] == '*' && i < noBlockCloseFrom)
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (close >= 0)
                {
                    sb.Append(text, copied, i - copied);
                    i = copied = close + 2;
                    continue;
                }
                noBlockCloseFrom = i;
            }
            i++;
        }
        sb.Append(text, copied, text.Length - copied);
        return sb.ToString();
    }
}
