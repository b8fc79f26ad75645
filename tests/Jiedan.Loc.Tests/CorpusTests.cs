using Jiedan.Loc.Counting;

namespace Jiedan.Loc.Tests;

/// <summary>
/// Hand-checked counts for every corpus file, line by line (the reasoning for each file is in its comments
/// and in docs/loc.md). The cloc-compatible column was also checked against `cloc --by-file` 1.96, which
/// <see cref="ClocCorpusTests"/> repeats wherever cloc is installed.
/// </summary>
public class CorpusTests
{
    public static TheoryData<string, string, int, int, int> Exact => new()
    {
        // Raw string lines (2) and the char literal '"' are code; `x := 1 /* … */ + 2` is two code lines.
        { "strings.go", "Go", 4, 4, 12 },
        // @"…//…", @"…""/*""…" and """…""" hide comment markers; only the /// line is a comment.
        { "Verbatim.cs", "C#", 3, 1, 11 },
        // Docstrings are comments (as in cloc); a # or """ inside a one-line string is code; the #! line is code.
        { "docstrings.py", "Python", 5, 5, 6 },
        // Rust block comments nest: the whole first line and lines 8-10 are comment; 'a lifetimes are not char literals.
        { "nested.rs", "Rust", 1, 4, 6 },
        // `<p>more <!-- starts here` has code before the comment: code.
        { "page.html", "HTML", 0, 4, 8 },
        { "scripts/deploy", "Bourne Again Shell", 1, 2, 4 },
        { "Makefile", "make", 1, 1, 3 },
        { "Dockerfile", "Dockerfile", 1, 1, 4 },
        { "config.yaml", "YAML", 1, 1, 2 },
        { "query.sql", "SQL", 0, 4, 3 },
        { "style.css", "CSS", 1, 1, 2 },
        // A `…` template literal spanning lines is code, '/* … */' in a string too.
        { "app.spec.ts", "TypeScript", 0, 3, 5 },
        { "data.json", "JSON", 1, 0, 4 },
        // Here-documents: `# not a comment` and the tab-indented `# still text` are text, so code; the terminators are code.
        { "scripts/heredoc.sh", "Bourne Shell", 1, 1, 9 },
        // Scala block comments nest; "/* … */" and the // line inside """…""" are strings.
        { "nested.scala", "Scala", 0, 2, 6 },
        // Haskell {- -} nests; "-- … {- …" is a string.
        { "nested.hs", "Haskell", 0, 2, 3 },
        // OCaml (* *) nests; "(* …" is a string.
        { "nested.ml", "OCaml", 0, 1, 2 },
        // Dart: r'C:\path\' is raw (ends at its quote), '/* …' is a string, /* /* */ */ nests, the // line inside """…""" is a string.
        { "strings.dart", "Dart", 0, 2, 5 },
        // Julia #= =# nests; "#= …" is a string; the docstring is a comment (as cloc counts docstrings).
        { "blocks.jl", "Julia", 0, 5, 2 },
        // Lua is counted with cloc's filters in both modes (no fast grammar: its --[==[ ]==] comments take a closer of the
        // opener's level), so the "-- inside a long string" line is a comment here too.
        { "strings.lua", "Lua", 0, 4, 4 },
    };

    /// <summary>What cloc 1.96 reports, i.e. where cloc's string-blind regexes differ from the exact counts above.</summary>
    public static TheoryData<string, string, int, int, int> ClocCompatible => new()
    {
        // cloc: the raw string's two lines are comments, and `x := 1 /* …\n … */ + 2` merges into one code line.
        { "strings.go", "Go", 4, 7, 9 },
        // cloc: the /* inside @"say ""/*"" here" opens a comment that the raw string's */ closes, four lines later.
        { "Verbatim.cs", "C#", 3, 4, 8 },
        { "docstrings.py", "Python", 5, 5, 6 },
        // cloc does not nest: " still a comment in Rust */" and " */" are left over as code.
        { "nested.rs", "Rust", 1, 2, 8 },
        // cloc's HTML filter drops a line that ends inside a comment even when it starts with code.
        { "page.html", "HTML", 0, 5, 7 },
        { "scripts/deploy", "Bourne Again Shell", 1, 2, 4 },
        { "Makefile", "make", 1, 1, 3 },
        { "Dockerfile", "Dockerfile", 1, 1, 4 },
        { "config.yaml", "YAML", 1, 1, 2 },
        { "query.sql", "SQL", 0, 4, 3 },
        { "style.css", "CSS", 1, 1, 2 },
        // cloc: the template literal's "// inside" line is a comment.
        { "app.spec.ts", "TypeScript", 0, 4, 4 },
        { "data.json", "JSON", 1, 0, 4 },
        // cloc: both # lines inside the here-documents are comments.
        { "scripts/heredoc.sh", "Bourne Shell", 1, 3, 7 },
        // cloc: no nesting (" still a comment in Scala */" is code), "/* … */" in the string is cut, the // line in """…""" is a comment.
        { "nested.scala", "Scala", 0, 2, 6 },
        // cloc: {- outer {- inner -} is cut at the first -}, leaving " still comment -}" as code.
        { "nested.hs", "Haskell", 0, 1, 4 },
        // cloc's OCaml filter knows strings and nesting: the same as the exact count.
        { "nested.ml", "OCaml", 0, 1, 2 },
        // cloc: '/* not a comment' opens a comment closed on the next line, merging the two lines; the // line in """…""" is a comment.
        { "strings.dart", "Dart", 0, 3, 4 },
        // cloc: no nesting (" still comment =#" is code) and "#= …" in the string opens a comment that never closes.
        { "blocks.jl", "Julia", 0, 5, 2 },
        // cloc: the "-- inside a long string" line is a comment.
        { "strings.lua", "Lua", 0, 4, 4 },
    };

    [Theory]
    [MemberData(nameof(Exact))]
    public void Counts_each_corpus_file_exactly(string path, string language, int blank, int comment, int code) =>
        AssertCounts(LocOptions.Default with { RespectIgnoreFiles = false }, path, language, blank, comment, code);

    [Theory]
    [MemberData(nameof(ClocCompatible))]
    public void Counts_each_corpus_file_as_cloc_does_in_compatible_mode(string path, string language, int blank, int comment, int code) =>
        AssertCounts(LocOptions.LikeCloc with { Dedupe = false }, path, language, blank, comment, code);

    [Fact]
    public void Every_corpus_file_has_an_expectation()
    {
        var report = LocCounter.Count(Corpus.Directory, LocOptions.Default with { RespectIgnoreFiles = false },
            TestContext.Current.CancellationToken);
        var expected = Exact.Select(row => row.Data.Item1).Order(StringComparer.Ordinal);
        // corpus/languages/ is compared with cloc file by file (ClocLanguageCorpusTests), not hand-checked
        Assert.Equal(expected, report.Files.Select(f => f.Path).Where(p => !p.StartsWith("languages/", StringComparison.Ordinal)));
    }

    private static void AssertCounts(LocOptions options, string path, string language, int blank, int comment, int code)
    {
        var report = LocCounter.Count(Corpus.Directory, options, TestContext.Current.CancellationToken);
        var file = Assert.Single(report.Files, f => f.Path == path);
        Assert.Equal(language, file.Language);
        Assert.Equal(new LineCounts(blank, comment, code), file.Lines);
    }
}
