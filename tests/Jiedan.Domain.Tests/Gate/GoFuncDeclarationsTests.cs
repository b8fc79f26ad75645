using System.Text;
using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.Coverage;

namespace Jiedan.Domain.Tests.Gate;

/// <summary>
/// The declarations <c>go tool cover -func</c> reports, with go/ast's positions (func keyword to past the '}'). The expected
/// extents were printed by go/parser (go1.19.8) for the same sources.
/// </summary>
public sealed class GoFuncDeclarationsTests
{
    private static IReadOnlyList<FuncExtent> Find(string source) => GoFuncDeclarations.Find(Encoding.UTF8.GetBytes(source), "x.go");

    [Fact]
    public void Literals_at_package_level_are_not_declarations()
    {
        var found = Find("package p\n\nvar f = func() {\n\tprintln()\n}\n\nvar (\n\tg = func() {}\n)\n\nfunc A() {\n\tf()\n}\n");
        Assert.Equal([new FuncExtent(11, 1, 13, 2)], found);
    }

    [Fact]
    public void Signatures_with_type_braces_generics_receivers_and_no_body()
    {
        const string source = "package p\n" +
            "func S() struct{ x int } { return struct{ x int }{} }\n" + // line 2
            "func I() interface{} { return nil }\n" +                   // line 3
            "func G[T any, U interface{ ~int }](t T) T { return t }\n" + // line 4
            "func (r *R) M() (a, b int) { return }\n" +                  // line 5
            "func Asm(x int) int\n" +                                    // line 6: no body, not counted
            "func Last() {}";                                            // line 7, no trailing newline
        var found = Find(source);
        Assert.Equal([new FuncExtent(2, 1, 2, 54), new FuncExtent(3, 1, 3, 36), new FuncExtent(4, 1, 4, 55), new FuncExtent(5, 1, 5, 38),
            new FuncExtent(7, 1, 7, 15)], found);
    }

    [Fact]
    public void Strings_runes_and_comments_hide_braces_and_func_keywords()
    {
        const string source = "package p\n" +
            "// func Commented() {\n" +
            "/* func Block() {\n} */\n" +
            "func A() string {\n" +                // line 5
            "\ts := `raw {\nfunc Raw() { }`\n" +
            "\tr := '}'\n\te := '\\''\n" +
            "\tq := \"}\\\"{\"\n" +
            "\treturn s + string(r) + string(e) + q\n" +
            "}\n" +                                // line 12
            "func B() { /* } */ }\n";              // line 13
        Assert.Equal([new FuncExtent(5, 1, 12, 2), new FuncExtent(13, 1, 13, 21)], Find(source));
    }

    [Fact]
    public void Columns_count_bytes_as_go_token_does()
    {
        // "é" is two bytes: the closing brace is at byte column 21, so the extent ends at 22.
        Assert.Equal([new FuncExtent(2, 1, 2, 22)], Find("package p\nfunc A() { _ = \"é\" }\n"));
    }

    [Theory]
    [InlineData("package p\nfunc A() { s := \"open\n}\n", 2, "unterminated string")]
    [InlineData("package p\nfunc A() { s := `open }\n", 2, "unterminated raw string")]
    [InlineData("package p\n/* open\nfunc A() {}\n", 2, "unterminated comment")]
    [InlineData("package p\nfunc A() {\n", null, "unbalanced brackets")]
    [InlineData("package p\nfunc A() {}}\n", 2, "unbalanced brackets")]
    public void Broken_source_names_file_and_line_not_content(string source, int? line, string problem)
    {
        var e = Assert.Throws<GateInputException>(() => Find(source));
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.Equal(line, e.Line);
        Assert.DoesNotContain("open", e.Message.Replace("unterminated", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_megabytes_of_nested_braces_scan_in_bounded_time()
    {
        var source = "package p\nfunc A() {" + new string('{', 5_000_000) + new string('}', 5_000_000) + "}\n";
        var sw = System.Diagnostics.Stopwatch.StartNew();
        Assert.Single(Find(source));
        Assert.InRange(sw.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }
}

public sealed class GoFuncTotalTests
{
    [Fact]
    public void Blocks_count_only_inside_declarations_and_many_functions_stay_fast()
    {
        // 200,000 one-line functions and as many blocks, plus one block outside (a package-level literal's):
        // -func counts 200,000 statements, all statements 200,001.
        const int n = 200_000;
        var source = new StringBuilder("package p\nvar f = func() { println() }\n");
        var profile = new StringBuilder("mode: set\nm/p/a.go:2.16,2.30 1 1\n");
        for (var i = 0; i < n; i++)
        {
            source.Append("func F").Append(i).Append("() { println() }\n");
            var line = i + 3;
            profile.Append("m/p/a.go:").Append(line).Append(".20,").Append(line).Append(".40 1 ").Append(i % 2).Append('\n');
        }
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var functions = GoFuncDeclarations.Find(Encoding.UTF8.GetBytes(source.ToString()), "a.go");
        var cover = new GoCoverageProfile();
        cover.Add(Sample.Text(profile.ToString()), "cover.out");
        var summary = cover.Summary(file => file == "m/p/a.go" ? functions : null);
        Assert.InRange(sw.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal(new StatementCount(n, n / 2), summary.InFunctions);
        Assert.Equal((n + 1L, n / 2 + 1L), (summary.Statements, summary.Covered));
        Assert.Equal("50.0%", summary.Display);
    }
}
