using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jiedan.Loc.Walking;

/// <summary>
/// One line of a .gitignore, as git reads it (gitignore(5)): <c>!</c> negates, a trailing <c>/</c> matches directories
/// only, a <c>/</c> at the start or in the middle anchors the pattern to the ignore file's directory (otherwise it
/// matches a name at any depth), <c>*</c>, <c>?</c> and <c>[…]</c> never match <c>/</c>, <c>**/</c>, <c>/**/</c> and
/// <c>/**</c> span directories, a backslash escapes. The glob is compiled to a non-backtracking regular expression, so
/// matching is linear in the length of the path whatever the pattern (a naive glob matcher is exponential in the
/// number of stars).
/// </summary>
internal sealed class IgnorePattern
{
    /// <summary>Longer lines are skipped: no sane pattern needs them, and they bound the cost of compiling.</summary>
    public const int MaxLength = 4096;

    private readonly Regex _regex;

    private IgnorePattern(Regex regex, bool negated, bool directoryOnly)
    {
        _regex = regex;
        Negated = negated;
        DirectoryOnly = directoryOnly;
    }

    public bool Negated { get; }

    public bool DirectoryOnly { get; }

    public bool IsMatch(string relativePath, bool isDirectory) => (isDirectory || !DirectoryOnly) && _regex.IsMatch(relativePath);

    /// <summary>The pattern on one line, or null for a blank line, a comment or a line that is not a usable pattern.</summary>
    public static IgnorePattern? Parse(string line)
    {
        if (line.Length > MaxLength) return null;
        line = line.TrimEnd('\r');
        if (line.Length == 0 || line[0] == '#') return null;
        line = TrimUnescapedTrailingSpaces(line);
        var negated = line.StartsWith('!');
        if (negated) line = line[1..];
        var directoryOnly = line.EndsWith('/') && !line.EndsWith("\\/", StringComparison.Ordinal);
        if (directoryOnly) line = line[..^1];
        if (line.Length == 0) return null;
        var anchored = line.Contains('/', StringComparison.Ordinal);
        if (line.StartsWith('/')) line = line[1..];
        if (line.Length == 0) return null;
        var regex = new StringBuilder("^");
        if (!anchored) regex.Append("(?:.*/)?");
        AppendGlob(regex, line);
        regex.Append('$');
        try
        {
            return new IgnorePattern(new Regex(regex.ToString(), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant), negated,
                directoryOnly);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static string TrimUnescapedTrailingSpaces(string line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] == ' ' && !(end > 1 && line[end - 2] == '\\')) end--;
        return line[..end];
    }

    private static void AppendGlob(StringBuilder regex, string glob)
    {
        var i = 0;
        while (i < glob.Length)
        {
            var c = glob[i];
            switch (c)
            {
                case '*':
                    var j = i;
                    while (j < glob.Length && glob[j] == '*') j++;
                    var wholeSegment = (i == 0 || glob[i - 1] == '/') && (j == glob.Length || glob[j] == '/');
                    if (j - i >= 2 && wholeSegment)
                    {
                        if (j == glob.Length) regex.Append(".*");
                        else { regex.Append("(?:.*/)?"); j++; }
                    }
                    else regex.Append("[^/]*");
                    i = j;
                    continue;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    var end = AppendClass(regex, glob, i);
                    if (end < 0) regex.Append(@"\[");
                    else i = end;
                    break;
                case '\\' when i + 1 < glob.Length:
                    AppendLiteral(regex, glob[++i]);
                    break;
                default:
                    AppendLiteral(regex, c);
                    break;
            }
            i++;
        }
    }

    /// <summary>Appends <c>[…]</c> starting at <paramref name="start"/>; returns the index of its closing bracket, or -1 if it has none
    /// (then it is literal).</summary>
    private static int AppendClass(StringBuilder regex, string glob, int start)
    {
        var i = start + 1;
        var negated = i < glob.Length && glob[i] is '!' or '^';
        if (negated) i++;
        var members = new StringBuilder();
        var first = true;
        while (i < glob.Length && (glob[i] != ']' || first))
        {
            first = false;
            if (glob[i] == '[' && i + 1 < glob.Length && glob[i + 1] == ':')
            {
                var close = glob.IndexOf(":]", i + 2, StringComparison.Ordinal);
                if (close > 0)
                {
                    members.Append(PosixClass(glob[(i + 2)..close]));
                    i = close + 2;
                    continue;
                }
            }
            var low = glob[i] == '\\' && i + 1 < glob.Length ? glob[++i] : glob[i];
            i++;
            if (i + 1 < glob.Length && glob[i] == '-' && glob[i + 1] != ']')
            {
                var high = glob[i + 1] == '\\' && i + 2 < glob.Length ? glob[i + 2] : glob[i + 1];
                i += glob[i + 1] == '\\' ? 3 : 2;
                if (low <= high) members.Append(Escaped(low)).Append('-').Append(Escaped(high));
                continue;
            }
            members.Append(Escaped(low));
        }
        if (i >= glob.Length) return -1;
        if (negated) regex.Append("[^/").Append(members).Append(']');
        else if (members.Length == 0) regex.Append(@"[^\u0000-\uFFFF]"); // matches nothing
        else regex.Append('[').Append(members).Append("-[/]]");
        return i;
    }

    private static string PosixClass(string name) => name switch
    {
        "alnum" => "a-zA-Z0-9",
        "alpha" => "a-zA-Z",
        "digit" => "0-9",
        "lower" => "a-z",
        "upper" => "A-Z",
        "space" => @" \t\n\r\f\v",
        "xdigit" => "0-9a-fA-F",
        "blank" => @" \t",
        "punct" => @"!-/:-@\[-`{-~",
        _ => "",
    };

    private static void AppendLiteral(StringBuilder regex, char c) => regex.Append(Regex.Escape(c.ToString()));

    private static string Escaped(char c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}
