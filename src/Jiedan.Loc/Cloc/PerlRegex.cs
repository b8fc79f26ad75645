using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jiedan.Loc.Cloc;

/// <summary>
/// Perl regular expressions from cloc's table as .NET ones, with Perl's meaning on byte strings: cloc reads files as bytes,
/// so text here is Latin-1 (one char per byte), \s, \w and \d are ASCII only, \g1 is \1, \47 is octal and \x{..} a code point.
/// Compiled once per pattern and kept.
/// </summary>
internal static class PerlRegex
{
    private const string Space = "\\t\\n\\x0B\\f\\r ";
    private const string Word = "A-Za-z0-9_";
    private static readonly ConcurrentDictionary<(string, bool), Regex> Cache = new();
    /// <summary>Per match; a file whose filters hit it is skipped, as cloc skips a file its per-file timeout gives up on.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static Regex Get(string pattern, bool ignoreCase = false) =>
        Cache.GetOrAdd((pattern, ignoreCase), key => new Regex(Translate(key.Item1),
            RegexOptions.CultureInvariant | (key.Item2 ? RegexOptions.IgnoreCase : RegexOptions.None), Timeout));

    public static string Translate(string perl)
    {
        var sb = new StringBuilder(perl.Length + 16);
        var inClass = false;
        for (var i = 0; i < perl.Length; i++)
        {
            var c = perl[i];
            if (c == '[' && !inClass)
            {
                inClass = true;
                sb.Append(c);
                if (i + 1 < perl.Length && perl[i + 1] == '^') sb.Append(perl[++i]);
                if (i + 1 < perl.Length && perl[i + 1] == ']')
                {
                    sb.Append("\\]"); // a ] right after [ or [^ is a member in Perl
                    i++;
                }
                continue;
            }
            if (c == ']' && inClass)
            {
                inClass = false;
                sb.Append(c);
                continue;
            }
            if (c != '\\' || i + 1 >= perl.Length)
            {
                sb.Append(c);
                continue;
            }
            var n = perl[++i];
            switch (n)
            {
                case 's': sb.Append(inClass ? Space : "[" + Space + "]"); break;
                case 'w': sb.Append(inClass ? Word : "[" + Word + "]"); break;
                case 'W' when !inClass: sb.Append("[^" + Word + "]"); break;
                case 'd': sb.Append(inClass ? "0-9" : "[0-9]"); break;
                case 'S': sb.Append(inClass ? "\\S" : "[^" + Space + "]"); break;
                case 'g' when i + 1 < perl.Length && char.IsAsciiDigit(perl[i + 1]):
                    sb.Append('\\').Append(perl[++i]);
                    break;
                case 'x' when i + 1 < perl.Length && perl[i + 1] == '{':
                {
                    var close = perl.IndexOf('}', i);
                    var code = int.Parse(perl.AsSpan(i + 2, close - i - 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    sb.Append(CultureInfo.InvariantCulture, $"\\u{code:X4}");
                    i = close;
                    break;
                }
                case >= '0' and <= '7' when i + 1 < perl.Length && perl[i + 1] is >= '0' and <= '7':
                {
                    var end = i + 1;
                    while (end < perl.Length && end < i + 3 && perl[end] is >= '0' and <= '7') end++;
                    var code = Convert.ToInt32(perl[i..end], 8);
                    sb.Append(CultureInfo.InvariantCulture, $"\\x{code:X2}");
                    i = end - 1;
                    break;
                }
                default: sb.Append('\\').Append(n); break;
            }
        }
        return sb.ToString();
    }
}
