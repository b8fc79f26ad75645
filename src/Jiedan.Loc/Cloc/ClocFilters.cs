using System.Text;
using System.Text.RegularExpressions;
using Jiedan.Loc.Languages;

namespace Jiedan.Loc.Cloc;

/// <summary>
/// cloc 1.96's comment filters, one method each, over Perl-style lines (Latin-1 text, each line with its \n until a filter
/// joins and splits them). Where cloc's Perl leans on the last successful match's $1 surviving from line to line, so does
/// the port (<c>dollar1</c>).
/// </summary>
internal static class ClocFilters
{
    public sealed record Context(string FileName, byte[] Content);

    public static List<string> Apply(ClocFilter filter, List<string> lines, Context context)
    {
        var a = filter.Arguments;
        return filter.Function switch
        {
            // cloc runs these two only with --strip-str-comments and --inline, which a plain cloc run does not give
            "rm_comments_in_strings" or "remove_inline" => lines,
            "remove_matches" => RemoveMatches(lines, a[0]),
            "call_regexp_common" => RegexpCommon.Remove(lines, a[0]),
            "remove_html_comments" => RemoveBetweenLiteral(lines, "<!--", "-->", keepCodeBefore: false),
            "remove_jsp_comments" => RemoveBetweenLiteral(lines, "<%--", "--%>", keepCodeBefore: false),
            "remove_between_general" => RemoveBetweenLiteral(lines, a[0], a[1], keepCodeBefore: true),
            "remove_between_regex" => RemoveBetweenRegex(lines, a[0], a[1]),
            "replace_between_regex" => ReplaceBetweenRegex(lines, a[0], a[1], a[2], a.Count < 4 || a[3] != "0"),
            "replace_regex" => ReplaceRegex(lines, a[0], a[1]),
            "docstring_to_C" => DocstringToC(lines),
            "elixir_doc_to_C" => ElixirDocToC(lines),
            "powershell_to_C" => lines.Select(l => l.Replace("<#", "/*", StringComparison.Ordinal)
                .Replace("#>", "*/", StringComparison.Ordinal)).ToList(),
            "smarty_to_C" => lines.Select(l => l.Replace("{*", "/*", StringComparison.Ordinal)
                .Replace("*}", "*/", StringComparison.Ordinal)).ToList(),
            "Forth_paren_to_C" => ClocFiltersSpecial.ForthParenToC(lines),
            "remove_above" => RemoveAbove(lines, a[0]),
            "remove_below" => lines.TakeWhile(l => !PerlRegex.Get(a[0]).IsMatch(l)).ToList(),
            "remove_below_above" => RemoveBelowAbove(lines, a[0], a[1]),
            "remove_haskell_comments" => ClocFiltersSpecial.RemoveHaskellComments(lines, context),
            "remove_OCaml_comments" => ClocFiltersSpecial.RemoveOCamlComments(lines),
            "remove_f77_comments" => lines.Where(l => !Rx(@"^[*cC]").IsMatch(l) && !Rx(@"^\s*!").IsMatch(l)).ToList(),
            "remove_f90_comments" => lines.Where(l => !Rx(@"^(\s*!|\s*$)").IsMatch(l) || PerlRegex.Get(@"^\s*!(hpf|omp)\$", true)
                .IsMatch(l)).ToList(),
            "remove_cobol_comments" => ClocFiltersSpecial.RemoveCobolComments(lines),
            "remove_jcl_comments" => ClocFiltersSpecial.RemoveJclComments(lines),
            "remove_haml_block" => ClocFiltersSpecial.RemoveIndentedBlock(lines, @"^(\s*)(/|-#)\s*$"),
            "remove_pug_block" => ClocFiltersSpecial.RemoveIndentedBlock(lines, @"^(\s*)(//)\s*$"),
            "remove_slim_block" => ClocFiltersSpecial.RemoveIndentedBlock(lines, @"^(\s*)(/[^!])"),
            "remove_bf_comments" => lines.Select(l => Rx(@"[^<>+-.,\[\]]+").Replace(l, "")).Where(l => !Blank(l)).ToList(),
            "reduce_to_rmd_code_blocks" => ClocFiltersSpecial.ReduceToRmdCodeBlocks(lines),
            "jupyter_nb" => ClocFiltersSpecial.JupyterNotebook(lines),
            "add_newlines" => lines.Select(l => l + "\n").ToList(),
            "pre_post_fix" => SplitLikePerl(a[0] + string.Concat(lines) + a[1]),
            "rm_last_line" => lines.Take(lines.Count - 1).ToList(),
            _ => throw new InvalidOperationException($"cloc filter {filter.Function} is not implemented"),
        };
    }

    internal static Regex Rx(string pattern) => PerlRegex.Get(pattern);

    /// <summary>Perl's /^\s*$/ on a line: only ASCII whitespace (the regex's `$` also allows the final \n, which is whitespace).</summary>
    internal static bool Blank(string line)
    {
        foreach (var c in line)
            if (c is not (' ' or '\t' or '\n' or '\v' or '\f' or '\r')) return false;
        return true;
    }

    /// <summary>Perl's split("\n", $text): trailing empty fields dropped.</summary>
    internal static List<string> SplitLikePerl(string text)
    {
        var parts = text.Split('\n').ToList();
        while (parts.Count > 0 && parts[^1].Length == 0) parts.RemoveAt(parts.Count - 1);
        return parts;
    }

    private static List<string> RemoveMatches(List<string> lines, string pattern)
    {
        var rx = PerlRegex.Get(pattern, ignoreCase: true);
        return lines.Where(l => !rx.IsMatch(l)).ToList();
    }

    private static List<string> RemoveAbove(List<string> lines, string marker)
    {
        var found = lines.FindIndex(l => PerlRegex.Get(marker).IsMatch(l));
        return found < 0 ? lines : lines.Skip(found).ToList();
    }

    private static List<string> RemoveBelowAbove(List<string> lines, string below, string above)
    {
        var kept = new List<string>();
        var between = false;
        foreach (var line in lines)
        {
            if (!between && PerlRegex.Get(below).IsMatch(line))
            {
                between = true;
                continue;
            }
            if (between && PerlRegex.Get(above).IsMatch(line))
            {
                between = false;
                continue;
            }
            if (!between) kept.Add(line);
        }
        return kept;
    }

    /// <summary>remove_between_general, remove_html_comments and remove_jsp_comments: the same loop over literal markers;
    /// the HTML/JSP variants drop a line that opens a comment after code, the general one keeps its code.</summary>
    private static List<string> RemoveBetweenLiteral(List<string> lines, string start, string end, bool keepCodeBefore) =>
        RemoveBetween(lines, Regex.Escape(start), Regex.Escape(end), keepCodeBefore, translate: false);

    private static List<string> RemoveBetweenRegex(List<string> lines, string start, string end) =>
        RemoveBetween(lines, start, end, keepCodeBefore: true, translate: true);

    private static List<string> RemoveBetween(List<string> lines, string start, string end, bool keepCodeBefore, bool translate)
    {
        Regex Make(string perl) => translate ? PerlRegex.Get(perl) : PerlRegex.Get(perl);
        var oneLine = Make(start + ".*?" + end);
        var endRx = Make(end);
        var upToEnd = Make("^.*?" + end);
        var opens = Make("^(.*?)" + start);
        var cut = Make("^(.*?)" + start + ".*$");
        var kept = new List<string>();
        var inComment = false;
        string? dollar1 = null;
        foreach (var original in lines)
        {
            var line = original;
            if (SkipBlank(line, ref dollar1)) continue;
            line = ReplaceAll(oneLine, line, _ => "", ref dollar1);
            if (SkipBlank(line, ref dollar1)) continue;
            if (inComment)
            {
                if (Match(endRx, line, ref dollar1))
                {
                    line = ReplaceFirst(upToEnd, line, _ => "", ref dollar1);
                    inComment = false;
                }
                if (keepCodeBefore && inComment) continue;
            }
            if (SkipBlank(line, ref dollar1)) continue;
            if (Match(opens, line, ref dollar1)) inComment = true;
            if (dollar1 is not null && Blank(dollar1))
            {
                dollar1 = null; // the successful match against $1 resets it
                continue;
            }
            if (!keepCodeBefore && inComment) continue;
            if (inComment) line = ReplaceFirst(cut, line, m => m.Groups[1].Value, ref dollar1);
            kept.Add(line);
        }
        return kept;
    }

    /// <summary>replace_between_regex: like remove_between_regex, but what matches is replaced by the (doubly evaluated)
    /// replacement, a double-quoted Perl string of $N references.</summary>
    private static List<string> ReplaceBetweenRegex(List<string> lines, string start, string end, string replace, bool multiline)
    {
        var template = replace.Length >= 2 && replace[0] == '"' && replace[^1] == '"' ? replace[1..^1] : replace;
        string Expand(Match m) => Regex.Replace(template, @"\$(\d)", r =>
        {
            var g = m.Groups[int.Parse(r.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)];
            return g.Success ? g.Value : "";
        });
        var oneLine = PerlRegex.Get(start + ".*?" + end);
        var endRx = PerlRegex.Get(end);
        var upToEnd = PerlRegex.Get("^.*?" + end);
        var opens = PerlRegex.Get("^(.*?)" + start);
        var cut = PerlRegex.Get("^(.*?)" + start + ".*$");
        var kept = new List<string>();
        var inComment = false;
        string? dollar1 = null;
        foreach (var original in lines)
        {
            var line = original;
            if (SkipBlank(line, ref dollar1)) continue;
            line = ReplaceAll(oneLine, line, Expand, ref dollar1);
            if (SkipBlank(line, ref dollar1)) continue;
            if (inComment)
            {
                if (Match(endRx, line, ref dollar1))
                {
                    line = ReplaceFirst(upToEnd, line, Expand, ref dollar1);
                    inComment = false;
                }
                if (inComment) continue;
            }
            if (SkipBlank(line, ref dollar1)) continue;
            if (multiline && Match(opens, line, ref dollar1)) inComment = true;
            if (dollar1 is not null && Blank(dollar1))
            {
                dollar1 = null;
                continue;
            }
            if (inComment) line = ReplaceFirst(cut, line, m => m.Groups[1].Value, ref dollar1);
            kept.Add(line);
        }
        return kept;
    }

    private static List<string> ReplaceRegex(List<string> lines, string pattern, string replacement)
    {
        var rx = PerlRegex.Get(pattern);
        return lines.Where(l => !Blank(l)).Select(l => rx.Replace(l, _ => replacement)).Where(l => !Blank(l)).ToList();
    }

    /// <summary>docstring_to_C: every """ or ''' becomes /* or */ in turn (an opening one may carry a u/U prefix).</summary>
    private static List<string> DocstringToC(List<string> lines)
    {
        var open = Rx("[uU]?(\"\"\"|''')");
        var close = Rx("(\"\"\"|''')");
        var inDoc = false;
        var result = new List<string>(lines.Count);
        foreach (var original in lines)
        {
            var line = original;
            while (close.IsMatch(line))
            {
                line = inDoc ? close.Replace(line, "*/", 1) : open.Replace(line, "/*", 1);
                inDoc = !inDoc;
            }
            result.Add(line);
        }
        return result;
    }

    private static List<string> ElixirDocToC(List<string> lines)
    {
        var open = Rx("(@(module)?doc\\s+(~[sScC])?['\"]{3})");
        var close = Rx("(['\"]{3})");
        var inDoc = false;
        var result = new List<string>(lines.Count);
        foreach (var original in lines)
        {
            var line = original;
            Match m;
            if (!inDoc && (m = open.Match(line)).Success)
            {
                line = ReplaceFirstLiteral(line, m.Groups[1].Value, "/*");
                inDoc = true;
            }
            else if (inDoc && (m = close.Match(line)).Success)
            {
                line = ReplaceFirstLiteral(line, m.Groups[1].Value, "*/");
                inDoc = false;
            }
            result.Add(line);
        }
        return result;
    }

    private static string ReplaceFirstLiteral(string line, string what, string with)
    {
        var at = line.IndexOf(what, StringComparison.Ordinal);
        return at < 0 ? line : string.Concat(line.AsSpan(0, at), with, line.AsSpan(at + what.Length));
    }

    /// <summary>Perl's `next if /^\s*$/`: a successful match also clears $1.</summary>
    private static bool SkipBlank(string line, ref string? dollar1)
    {
        if (!Blank(line)) return false;
        dollar1 = null;
        return true;
    }

    internal static bool Match(Regex rx, string line, ref string? dollar1)
    {
        var m = rx.Match(line);
        if (m.Success) dollar1 = Group1(m);
        return m.Success;
    }

    private static string ReplaceAll(Regex rx, string line, MatchEvaluator evaluator, ref string? dollar1)
    {
        Match? last = null;
        var result = rx.Replace(line, m =>
        {
            last = m;
            return evaluator(m);
        });
        if (last is not null) dollar1 = Group1(last);
        return result;
    }

    private static string ReplaceFirst(Regex rx, string line, MatchEvaluator evaluator, ref string? dollar1)
    {
        var m = rx.Match(line);
        if (!m.Success) return line;
        dollar1 = Group1(m);
        return string.Concat(line.AsSpan(0, m.Index), evaluator(m), line.AsSpan(m.Index + m.Length));
    }

    private static string? Group1(Match m) => m.Groups.Count > 1 && m.Groups[1].Success ? m.Groups[1].Value : null;

    /// <summary>COBOL's blank-line rule (rm_blanks): fixed-format lines with only a sequence number, or a page eject, are blank.</summary>
    public static List<string> RemoveCobolBlanks(List<string> lines)
    {
        var kept = new List<string>();
        var free = false;
        foreach (var line in lines)
        {
            if (Blank(line)) continue;
            var expanded = ClocFiltersSpecial.ExpandTabs(line);
            if (PerlRegex.Get(@"^......\$.*SET.*SOURCEFORMAT.*FREE", true).IsMatch(expanded)) free = true;
            if (free || !(Rx(@"^\d{6}\s*$").IsMatch(line) || Rx(@"^.{6}\s{66}").IsMatch(expanded) || Rx(@"^....../").IsMatch(expanded)))
                kept.Add(line);
        }
        return kept;
    }

    internal static string Latin1(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);
}
