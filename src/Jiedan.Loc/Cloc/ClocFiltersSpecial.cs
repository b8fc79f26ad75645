using System.Text;
using System.Text.RegularExpressions;

namespace Jiedan.Loc.Cloc;

/// <summary>cloc 1.96's language-specific filters (Haskell, OCaml, Forth, COBOL, JCL, Haml/Pug/Slim, R Markdown, Jupyter).</summary>
internal static class ClocFiltersSpecial
{
    private static Regex Rx(string pattern) => PerlRegex.Get(pattern);

    private static bool PerlTrue(string s) => s.Length > 0 && s != "0";

    public static List<string> RemoveHaskellComments(List<string> lines, ClocFilters.Context context)
    {
        var isElm = context.FileName.EndsWith(".elm", StringComparison.Ordinal);
        var literate = context.FileName.EndsWith(".lhs", StringComparison.Ordinal) ? LiterateType(context.Content) : 0;
        var kept = new List<string>();
        var inComment = 0;
        var inLiterateBlock = false;
        foreach (var original in lines)
        {
            var line = original.EndsWith('\n') ? original[..^1] : original;
            if (literate == 1)
            {
                line = line.StartsWith('>') ? line[1..] : "";
            }
            else if (literate == 2)
            {
                if (inLiterateBlock)
                {
                    if (line.StartsWith("\\end{code}", StringComparison.Ordinal))
                    {
                        line = "";
                        inLiterateBlock = false;
                    }
                }
                else
                {
                    if (line.StartsWith("\\begin{code}", StringComparison.Ordinal)) inLiterateBlock = true;
                    line = "";
                }
            }
            if (Rx(@"^\s*\{-#").IsMatch(line))
            {
                kept.Add(line);
                continue;
            }
            var opens = Rx(@"\{-").Count(line);
            var closes = Rx(@"-\}").Count(line);
            line = Rx(@"\{-.*?-\}").Replace(line, "");
            if (inComment > 0)
            {
                if (line.Contains("-}", StringComparison.Ordinal))
                {
                    line = Rx(@"^.*?-\}").Replace(line, "", 1);
                    inComment = isElm ? inComment + opens - closes : 0;
                }
                else
                {
                    line = "";
                }
            }
            else
            {
                line = Rx("--.*").Replace(line, "", 1);
                if (line.Contains("{-", StringComparison.Ordinal) && !line.Contains("{-#", StringComparison.Ordinal))
                {
                    line = Rx(@"\{-.*").Replace(line, "", 1);
                    inComment = isElm ? inComment + opens - closes : 1;
                }
            }
            if (Rx(@"\S").IsMatch(line)) kept.Add(line);
        }
        return kept;
    }

    /// <summary>cloc's determine_lit_type: 2 for \begin{code} blocks, 1 for bird tracks (&gt; ), 0 otherwise.</summary>
    private static int LiterateType(byte[] content)
    {
        foreach (var line in ClocFilters.Latin1(content).Split('\n'))
        {
            if (line.StartsWith("\\begin{code}", StringComparison.Ordinal)) return 2;
            if (Rx(@"^>\s").IsMatch(line + "\n")) return 1;
        }
        return 0;
    }

    public static List<string> RemoveOCamlComments(List<string> lines)
    {
        var tokens = Rx("(\\(\\*|\\*\\)|\".*?\")");
        var kept = new List<string>();
        var depth = 0;
        foreach (var line in lines)
        {
            if (ClocFilters.Blank(line)) continue;
            var clean = new StringBuilder();
            foreach (var t in tokens.Split(line))
            {
                if (!PerlTrue(t)) continue;
                if (t == "(*") depth++;
                else if (t == "*)") depth--;
                else if (depth == 0) clean.Append(t);
            }
            if (PerlTrue(clean.ToString())) kept.Add(clean.ToString());
        }
        return kept;
    }

    public static List<string> ForthParenToC(List<string> lines)
    {
        var inComment = false;
        var result = new List<string>(lines.Count);
        foreach (var original in lines)
        {
            var line = original;
            var iterations = 0;
            while (Rx(@"\s\(\s").IsMatch(line) || (inComment && line.Contains(')', StringComparison.Ordinal)))
            {
                if (Rx(@"\s\(\s.*?\)").IsMatch(line))
                {
                    line = Rx(@"\s+\(\s+.*?\)").Replace(line, "");
                }
                else if (!inComment && Rx(@"\s\(\s").IsMatch(line))
                {
                    line = Rx(@"\s+\(\s+").Replace(line, "/*", 1);
                    inComment = true;
                }
                else if (inComment && line.Contains(')', StringComparison.Ordinal))
                {
                    var at = line.IndexOf(')', StringComparison.Ordinal);
                    line = string.Concat(line.AsSpan(0, at), "*/", line.AsSpan(at + 1));
                    inComment = false;
                }
                else if (++iterations > 255)
                {
                    break;
                }
            }
            result.Add(line);
        }
        return result;
    }

    public static List<string> RemoveCobolComments(List<string> lines)
    {
        var kept = new List<string>();
        var free = false;
        foreach (var line in lines)
        {
            if (PerlRegex.Get(@"^......\$.*SET.*SOURCEFORMAT.*FREE", true).IsMatch(line)) free = true;
            var comment = free ? Rx(@"^\s*\*").IsMatch(line) : Rx(@"^......\*").IsMatch(line) || line.StartsWith('*');
            if (!comment) kept.Add(line);
        }
        return kept;
    }

    public static List<string> RemoveJclComments(List<string> lines)
    {
        var kept = new List<string>();
        foreach (var line in lines)
        {
            if (ClocFilters.Blank(line) || line.StartsWith("//*", StringComparison.Ordinal)) continue;
            if (Rx(@"^\s*//\s*$").IsMatch(line)) break;
            kept.Add(line);
        }
        return kept;
    }

    /// <summary>cloc's remove_intented_block (Haml, Pug, Slim): a comment marker line and the lines indented deeper below it.</summary>
    public static List<string> RemoveIndentedBlock(List<string> lines, string marker)
    {
        var kept = new List<string>();
        var inComment = 0;
        foreach (var original in lines)
        {
            if (ClocFilters.Blank(original)) continue;
            var line = ExpandTabs(original);
            if (inComment > 0)
            {
                var indent = Rx(@"^(\s*)").Match(line).Groups[1].Length;
                if (indent < inComment) inComment = 0;
                else continue;
            }
            else if (Rx(marker).Match(line) is { Success: true } m)
            {
                inComment = m.Groups[1].Length > 0 ? m.Groups[1].Length + 1 : 1;
                continue;
            }
            kept.Add(line);
        }
        return kept;
    }

    /// <summary>Text::Tabs::expand with tab stops every 8 columns.</summary>
    public static string ExpandTabs(string line)
    {
        if (!line.Contains('\t', StringComparison.Ordinal)) return line;
        var sb = new StringBuilder(line.Length + 16);
        var column = 0;
        foreach (var c in line)
        {
            if (c == '\t')
            {
                var pad = 8 - column % 8;
                sb.Append(' ', pad);
                column += pad;
            }
            else
            {
                sb.Append(c);
                column = c == '\n' ? 0 : column + 1;
            }
        }
        return sb.ToString();
    }

    public static List<string> ReduceToRmdCodeBlocks(List<string> lines)
    {
        var kept = new List<string>();
        var inCode = false;
        foreach (var line in lines)
        {
            if (Rx(@"^```\{\s*[A-Za-z]").IsMatch(line))
            {
                inCode = true;
                continue;
            }
            if (Rx(@"^```\s*$").IsMatch(line)) inCode = false;
            if (inCode) kept.Add(line);
        }
        return kept;
    }

    public static List<string> JupyterNotebook(List<string> lines)
    {
        var kept = new List<string>();
        bool inCode = false, inSource = false;
        foreach (var line in lines)
        {
            if (!inCode && !inSource && Rx(@"^\s*""cell_type"":\s*""code"",\s*$").IsMatch(line))
            {
                inCode = true;
            }
            else if (inCode && !inSource && Rx(@"^\s*""source"":\s*\[\s*$").IsMatch(line))
            {
                inSource = true;
            }
            else if (inCode && inSource)
            {
                if (Rx(@"^\s*""\s*\\n"",\s*$").IsMatch(line) || Rx(@"^\s*""\s*#").IsMatch(line)) continue;
                if (Rx(@"^\s*\]\s*$").IsMatch(line))
                {
                    inCode = false;
                    inSource = false;
                }
                else
                {
                    kept.Add(line);
                }
            }
        }
        return kept;
    }
}
