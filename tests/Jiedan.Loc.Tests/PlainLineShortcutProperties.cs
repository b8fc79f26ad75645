using System.Text;
using CsCheck;
using Jiedan.Loc.Counting;
using Jiedan.Loc.Languages;

namespace Jiedan.Loc.Tests;

/// <summary>
/// The classifier counts lines without comment or string starts as code without scanning them (one search serves many
/// lines). For every language with a grammar, in both modes, that short cut gives the counts of the full scan.
/// </summary>
public class PlainLineShortcutProperties
{
    private static readonly string[] Lines =
    [
        "", "  ", "\t", "x = 1", "\tfoo(bar)", "int a; // c", "// comment", "# comment", "/* open", "*/", "*/ x = 2", "/* one */ x",
        "\"\"\"", "'''", "s = \"unterminated", "\"", "`raw", "`", "<!-- x -->", "-->", "-- sql", "{- hs", "-}", "(* ml", "*)",
        "s = \"/* not a comment\"", "s = '// nor this'", "x = 1 \\", "\\", "#!/bin/sh", "cat <<EOF", "EOF", "=begin", "=end",
        "%{", "%}", "; asm", "REM bat", "@echo off", "!fortran", "C fixed", "  * star", "中文 // 注释", "\r",
        // longer than a 64-byte block, so runs of plain lines span blocks
        "\t\tresult := compute(alpha, beta, gamma, delta) + other(epsilon, zeta, eta, theta)", new string(' ', 70),
    ];

    private static readonly Gen<string> Content =
        Gen.Select(Gen.OneOf(Lines).Array[0, 40], Gen.OneOf("\n", "\r\n"), Gen.Bool,
            (ls, nl, final) => string.Join(nl, ls) + (final ? nl : ""));

    private static readonly Language[] WithGrammar = [.. LanguageTable.All.Where(l => l.Syntax is not null)];

    [Fact]
    public void The_short_cut_for_plain_lines_counts_as_the_full_scan_does()
    {
        Gen.Select(Gen.OneOf(WithGrammar), Gen.Bool, Content).Sample((language, cloc, content) =>
        {
            var syntax = cloc
                ? language.Syntax! with { BackslashContinuation = language.EndOfLineContinuation is not null }
                : language.Syntax!;
            var bytes = Encoding.UTF8.GetBytes(content);
            var fast = new CompiledSyntax(syntax, cloc);
            var full = new CompiledSyntax(syntax, cloc) { PlainLinesAreCode = false };
            return LineClassifier.Count(bytes, fast) == LineClassifier.Count(bytes, full);
        }, iter: 20_000);
    }

    [Fact]
    public void Go_takes_the_short_cut_and_a_language_with_whole_line_filters_does_not()
    {
        Assert.True(new CompiledSyntax(LanguageTable.Get("Go").Syntax!, clocCompatible: false).PlainLinesAreCode);
        Assert.Contains(WithGrammar, l => !new CompiledSyntax(l.Syntax!, clocCompatible: true).PlainLinesAreCode);
    }
}
