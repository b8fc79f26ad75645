using System.Text;
using Jiedan.Loc.Counting;
using Jiedan.Loc.Languages;

namespace Jiedan.Loc.Cloc;

/// <summary>
/// Counts a file the way cloc 1.96's call_counter does: lines read as bytes (byte order mark and \r dropped), blank lines
/// removed, then each of the language's filters applied in order with blank lines removed after each; what is left is
/// code, the rest comment. Used for the languages without a fast grammar and for the cloc-compatible mode where the
/// fast grammar is not an exact copy of cloc's filters. Slower than the byte scanner (a string per line), exact by
/// construction.
/// </summary>
internal static class ClocCounter
{
    /// <summary>cloc's filters hold a file as strings several times over (lines, joined text, each filter's output): above this
    /// size a file of a language without a fast grammar is skipped rather than allowed to take gigabytes.</summary>
    public const int MaxBytes = 16 << 20;

    public const string TooLarge = "larger than 16 MiB, the limit for languages counted with cloc's comment filters";

    public static LineCounts Count(ReadOnlySpan<byte> content, Language language, string fileName)
    {
        var lines = ReadLines(content);
        var total = lines.Count;
        var eol = language.EndOfLineContinuation;
        lines = language.Name switch
        {
            "COBOL" => ClocFilters.RemoveCobolBlanks(lines),
            "X++" => RemoveBlank(lines, @"^\s*#?\s*$", eol),
            _ => RemoveBlank(lines, @"^\s*$", eol),
        };
        var blank = total - lines.Count;
        var code = RemoveComments(lines, language, fileName, content).Count;
        return new LineCounts(blank, total - blank - code, code);
    }

    /// <summary>cloc's read_file: Perl's lines (each with its \n, the last one given one), BOM stripped, one \r before \n
    /// dropped.</summary>
    internal static List<string> ReadLines(ReadOnlySpan<byte> content)
    {
        var text = Encoding.Latin1.GetString(content);
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        if (lines.Count > 0 && lines[^1] is not ("" or "0") && !lines[^1].EndsWith('\n')) lines[^1] += "\n";
        if (lines.Count > 0) lines[0] = lines[0][ByteOrderMarkLength(lines[0])..];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.EndsWith("\r\n", StringComparison.Ordinal)) lines[i] = line[..^2] + "\n";
            else if (line.EndsWith('\r')) lines[i] = line[..^1];
        }
        return lines;
    }

    /// <summary>The byte order marks cloc's read_file recognises (its table prints bytes without zero padding, so those
    /// starting with 00 or 0e never match).</summary>
    private static int ByteOrderMarkLength(string line)
    {
        static bool Starts(string s, params int[] bytes) => s.Length >= bytes.Length && bytes.Select((b, i) => s[i] == b).All(x => x);
        if (Starts(line, 0xFE, 0xFF) || Starts(line, 0xFF, 0xFE)) return 2;
        if (Starts(line, 0xEF, 0xBB, 0xBF) || Starts(line, 0xF7, 0x64, 0x4C) || Starts(line, 0xFB, 0xEE, 0x28)) return 3;
        if (Starts(line, 0x2B, 0x2F, 0x76, 0x38) || Starts(line, 0x2B, 0x2F, 0x76, 0x39) || Starts(line, 0x2B, 0x2F, 0x76, 0x2B)
            || Starts(line, 0x2B, 0x2F, 0x76, 0x2F) || Starts(line, 0xDD, 0x73, 0x66, 0x73) || Starts(line, 0x84, 0x31, 0x95, 0x33))
            return 4;
        return 0;
    }

    /// <summary>cloc's remove_matches, or remove_matches_2re when the language continues lines (a blank line after a line ending
    /// in the continuation marker stays).</summary>
    internal static List<string> RemoveBlank(List<string> lines, string blankPattern, string? continuation)
    {
        var blank = PerlRegex.Get(blankPattern, ignoreCase: true);
        Func<string, bool> isBlank = blankPattern == @"^\s*$" ? ClocFilters.Blank : blank.IsMatch;
        if (continuation is null) return lines.Where(l => !isBlank(l)).ToList();
        var continued = PerlRegex.Get(continuation, ignoreCase: true);
        var kept = new List<string>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            if (isBlank(lines[i]) && (i == 0 || !continued.IsMatch(lines[i - 1]))) continue;
            kept.Add(lines[i]);
        }
        return kept;
    }

    private static List<string> RemoveComments(List<string> lines, Language language, string fileName, ReadOnlySpan<byte> content)
    {
        if (lines.Count == 0) return lines;
        var original = lines[0];
        var context = new ClocFilters.Context(fileName, content.ToArray());
        foreach (var filter in language.Filters)
        {
            lines = ClocFilters.Apply(filter, lines, context);
            lines = RemoveBlank(lines, @"^\s*$", language.EndOfLineContinuation);
        }
        var first = original.EndsWith('\n') ? original[..^1] : original;
        if (language.IsScript && first.StartsWith("#!", StringComparison.Ordinal)
            && (lines.Count == 0 || Chomp(lines[0]) != first))
        {
            lines.Insert(0, first); // cloc treats a script's #! line as code
        }
        return lines;
    }

    private static string Chomp(string line) => line.EndsWith('\n') ? line[..^1] : line;
}
