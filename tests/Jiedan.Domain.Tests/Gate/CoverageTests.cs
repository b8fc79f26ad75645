using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.Coverage;

namespace Jiedan.Domain.Tests.Gate;

public sealed class CoverageTests
{
    [Theory]
    // Expected strings printed by Go 1.19: fmt.Printf("%.1f", 100*float64(c)/float64(t)); ties round half to even.
    [InlineData(1, 400, "0.2")]
    [InlineData(49, 400, "12.2")]
    [InlineData(3, 8, "37.5")]
    [InlineData(1, 3, "33.3")]
    [InlineData(2, 3, "66.7")]
    [InlineData(5, 16, "31.2")]
    [InlineData(7, 16, "43.8")]
    [InlineData(0, 0, "0.0")]
    [InlineData(1, 1, "100.0")]
    public void Formats_percentages_exactly_as_go_does(long covered, long total, string go) =>
        Assert.Equal(go, CoveragePercent.FormatOneDecimal(CoveragePercent.Of(covered, total)));

    [Fact]
    public void Merges_count_profiles_by_summing_and_weights_by_statements()
    {
        var a = "mode: count\nx/a/a.go:1.1,2.2 3 0\nx/a/a.go:3.1,4.2 1 2\nx/b/b.go:1.1,1.9 4 0\n";
        var b = "mode: count\nx/a/a.go:1.1,2.2 3 1\nx/b/b.go:1.1,1.9 4 0\n";
        var s = GoCoverageProfile.Summarize([(Sample.Text(a), "a.out"), (Sample.Text(b), "b.out")]);
        // a.go: both blocks covered after the merge (4 of 4 statements); b.go: 0 of 4. Total 4/8.
        Assert.Equal(8, s.Statements);
        Assert.Equal(4, s.Covered);
        Assert.Equal("50.0%", s.Display);
        Assert.Equal(["x/a", "x/b"], s.Packages.Select(p => p.Package));
    }

    [Fact]
    public void Set_mode_duplicates_within_one_profile_are_ored()
    {
        var text = "mode: set\nx/a.go:1.1,2.2 2 0\nx/a.go:1.1,2.2 2 1\nx/a.go:3.1,4.2 2 0\n";
        var s = GoCoverageProfile.Summarize([(Sample.Text(text), "c.out")]);
        Assert.Equal((4L, 2L), (s.Statements, s.Covered));
    }

    [Theory]
    [InlineData("mode: set\nx/a.go:5.1,3.2 1 1\n", 2, "ends before it starts")]
    [InlineData("mode: set\nx/a.go:5.1-3.2 1 1\n", 2, "bad block range")]
    [InlineData("mode: set\nx/a.go:5.x,6.2 1 1\n", 2, "bad column (expected 1 to 18 digits)")]
    [InlineData("mode: set\nx/a.go:1.1,2.2 1\n", 2, "malformed block")]
    [InlineData("mode: set\nx/a.go:1.1,2.2 1 1\nx/a.go:1.1,2.2 2 1\n", 3, "inconsistent statement count")]
    [InlineData("mode: fast\n", 1, "unknown coverage mode")]
    [InlineData("x/a.go:1.1,2.2 1 1\n", 1, "mode: set|count|atomic")]
    [InlineData("mode: set\nx/a.go:0.1,2.2 1 1\n", 2, "start at 1")]
    public void Names_the_line_and_problem_of_a_bad_profile(string text, long line, string problem)
    {
        var e = Assert.Throws<GateInputException>(() => GoCoverageProfile.Summarize([(Sample.Text(text), "cover.out")]));
        Assert.Equal("cover.out", e.File);
        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Profiles_of_different_modes_do_not_merge()
    {
        var e = Assert.Throws<GateInputException>(() => GoCoverageProfile.Summarize(
            [(Sample.Text("mode: set\nx.go:1.1,1.2 1 1\n"), "a.out"), (Sample.Text("mode: count\nx.go:1.1,1.2 1 1\n"), "b.out")]));
        Assert.Equal("b.out", e.File);
        Assert.Contains("a.out", e.Message);
    }

    [Fact]
    public void Reads_cobertura_class_lines_once()
    {
        var xml = """
            <?xml version="1.0" ?>
            <coverage line-rate="0.5" version="1">
              <packages>
                <package name="shop">
                  <classes>
                    <class name="Cart" filename="shop/cart.py">
                      <methods><method name="add"><lines><line number="1" hits="1"/></lines></method></methods>
                      <lines>
                        <line number="1" hits="1"/>
                        <line number="2" hits="0"/>
                        <line number="3" hits="4"/>
                        <line number="4" hits="0"/>
                      </lines>
                    </class>
                  </classes>
                </package>
              </packages>
            </coverage>
            """;
        var s = CoberturaReport.Parse(Sample.Text(xml), "coverage.xml");
        Assert.Equal((4L, 2L), (s.Statements, s.Covered));
        Assert.Equal("shop", Assert.Single(s.Packages).Package);
    }

    [Fact]
    public void Malformed_cobertura_names_the_line()
    {
        var e = Assert.Throws<GateInputException>(() =>
            CoberturaReport.Parse(Sample.Text("<coverage>\n<packages>\n<package name='a'>\n</coverage>"), "c.xml"));
        Assert.Equal(4, e.Line);
    }

    [Fact]
    public void Reads_lcov_da_records()
    {
        var lcov = "TN:\nSF:src/a.js\nFN:1,f\nDA:1,1\nDA:2,0\nLF:2\nLH:1\nend_of_record\nSF:lib/b.js\nDA:7,3\nend_of_record\n";
        var s = LcovReport.Parse(new StringReader(lcov), "lcov.info");
        Assert.Equal((3L, 2L), (s.Statements, s.Covered));
        Assert.Equal(["lib", "src"], s.Packages.Select(p => p.Package));
    }

    [Theory]
    [InlineData("SF:a.js\nDA:1,1\n", 2, "truncated")]
    [InlineData("SF:a.js\nDA:one,1\nend_of_record\n", 2, "bad DA record")]
    [InlineData("DA:1,1\n", 1, "outside a record")]
    public void Bad_lcov_names_the_line(string text, long line, string problem)
    {
        var e = Assert.Throws<GateInputException>(() => LcovReport.Parse(new StringReader(text), "lcov.info"));
        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Message);
    }
}
