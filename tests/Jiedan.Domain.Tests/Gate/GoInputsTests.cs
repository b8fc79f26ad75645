using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.Benchmarks;
using Jiedan.Domain.Gate.Complexity;
using Jiedan.Domain.Gate.GoModules;
using Jiedan.Domain.Gate.Testing;

namespace Jiedan.Domain.Tests.Gate;

public sealed class GoInputsTests
{
    [Fact]
    public void Reads_go_mod_directives()
    {
        var mod = GoModFile.Parse(new StringReader("""
            // a service
            module github.com/acme/shop // trailing comment

            go 1.21

            toolchain go1.22.3

            require (
                github.com/gin-gonic/gin v1.9.1
                golang.org/x/sync v0.6.0 // indirect
            )
            """), "go.mod");
        Assert.Equal(new GoModFile("github.com/acme/shop", "1.21", "go1.22.3"), mod);
    }

    [Theory]
    [InlineData("module x\ngo one.two\n", 2, "invalid go version")]
    [InlineData("module x\nrequire (\n  a v1\n", 3, "not closed")]
    [InlineData("module x\ngopher 1\n", 2, "unknown directive")]
    public void Bad_go_mod_names_the_line(string text, long line, string problem)
    {
        var e = Assert.Throws<GateInputException>(() => GoModFile.Parse(new StringReader(text), "go.mod"));
        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Counts_passed_failed_skipped_and_flaky_tests()
    {
        var json = """
            {"Action":"run","Package":"p","Test":"TestA"}
            {"Action":"pass","Package":"p","Test":"TestA","Elapsed":0.01}
            {"Action":"run","Package":"p","Test":"TestB"}
            {"Action":"fail","Package":"p","Test":"TestB","Elapsed":0}
            {"Action":"run","Package":"p","Test":"TestC"}
            {"Action":"skip","Package":"p","Test":"TestC"}
            {"Action":"run","Package":"p","Test":"TestD"}
            {"Action":"fail","Package":"p","Test":"TestD"}
            {"Action":"run","Package":"p","Test":"TestD"}
            {"Action":"pass","Package":"p","Test":"TestD"}
            {"Action":"fail","Package":"p","Elapsed":0.2}
            FAIL	q [build failed]
            """;
        var r = GoTestJson.Parse(new StringReader(json), "test.json");
        Assert.Equal((1, 2, 1, 1), (r.Passed, r.Failed, r.Skipped, r.Flaky));
        Assert.Contains(r.Tests, t => t is { Package: "q", Test: GoTestJson.PackageEntry, Status: TestStatus.Failed });
    }

    [Fact]
    public void A_broken_event_names_its_line()
    {
        var e = Assert.Throws<GateInputException>(() => GoTestJson.Parse(new StringReader("{\"Action\":\"run\"}\n{\"Action\":"), "t.json"));
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Reads_benchmark_results_and_compares_like_benchstat()
    {
        static string Run(params double[] ns) => "goos: linux\npkg: example.com/x\n" +
            string.Join("\n", ns.Select(v => $"BenchmarkReverse-2   \t 1000000\t {v} ns/op\t 48 B/op\t 1 allocs/op")) + "\nPASS\n";
        var old = GoBenchOutput.Parse(new StringReader(Run(100, 101, 99, 100, 102, 98)), "old.txt");
        var now = GoBenchOutput.Parse(new StringReader(Run(120, 121, 119, 122, 118, 120)), "new.txt");
        var rows = BenchComparison.Compare(old, now);
        var time = rows.Single(r => r.Unit == "ns/op");
        Assert.Equal(100, time.Baseline.Median);
        Assert.Equal(120, time.Current.Median);
        Assert.Equal(20, time.DeltaPercent, 9);
        // 6 vs 6 fully separated: p = 2/C(12,6) = 2/924.
        Assert.Equal(2.0 / 924, time.PValue, 12);
        Assert.Equal("+20.00%", time.Display);
        // Identical B/op: every rank tied, p = 1: "~".
        Assert.Equal("~", rows.Single(r => r.Unit == "B/op").Display);
    }

    [Fact]
    public void A_benchmark_value_without_unit_is_an_error()
    {
        var e = Assert.Throws<GateInputException>(() => GoBenchOutput.Parse(new StringReader("BenchmarkX-2 100 12.5 ns/op 7\n"), "b.txt"));
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void Reads_gocyclo_reports()
    {
        var r = ComplexityReport.Parse(new StringReader("17 cart (*Cart).Checkout cart/cart.go:40:1\n3 money Add money/money.go:19:1\n" +
            "Average: 10\n"), "cyclo.txt");
        Assert.Equal(17, r.Max);
        Assert.Equal("(*Cart).Checkout", Assert.Single(r.Over(15)).Function);
    }
}
