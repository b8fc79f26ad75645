using System.Diagnostics;
using System.Text.RegularExpressions;
using Jiedan.Domain.Gate.Checklist;
using Jiedan.Domain.Gate.Policy;
using Jiedan.Gate.Evidence;

namespace Jiedan.Gate.Tests;

/// <summary>
/// A real module whose packages have function literals outside any function: <c>go tool cover -func</c> leaves their
/// statements out of its total while <c>go test -cover</c> counts them per package. The gate prints both, string for
/// string, and checks the threshold against the -func total.
/// </summary>
public sealed class FuncLiteralCoverageTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "jiedan-funclit-" + Guid.NewGuid().ToString("N"));

    private const string Literals = """
        package lits

        import "strings"

        // Shout is a package-level function literal.
        var Shout = func(s string) string {
        	if s == "" {
        		return "!"
        	}
        	return strings.ToUpper(s) + "!"
        }

        var helpers = struct{ twice func(int) int }{twice: func(n int) int { return n * 2 }}

        func Twice(n int) int { return helpers.twice(n) }

        func Classify(n int) string {
        	switch {
        	case n < 0:
        		return "negative"
        	case n == 0:
        		return "zero"
        	}
        	s := `raw { string
        func Fake() { with } braces`
        	_ = s
        	r := '}'
        	_ = r /* a { comment
        	func Hidden() { */
        	t := "}\"{"
        	_ = t
        	return "positive"
        }

        type Counter int

        func (c Counter) Next() Counter { return c + 1 }

        func Unused() interface{} { return struct{ x int }{x: 1}.x }

        var (
        	grouped = func() int {
        		return 7
        	}
        )
        """;

    private const string LiteralsTest = """
        package lits

        import "testing"

        func TestSome(t *testing.T) {
        	if Shout("a") != "A!" || Twice(2) != 4 || Classify(1) != "positive" {
        		t.Fatal("unexpected")
        	}
        }
        """;

    private const string Plain = """
        package plain

        func Add(a, b int) int { return a + b }

        func Sub(a, b int) int {
        	if a < b {
        		return 0
        	}
        	return a - b
        }
        """;

    private const string PlainTest = """
        package plain

        import "testing"

        func TestAdd(t *testing.T) {
        	if Add(1, 2) != 3 {
        		t.Fatal("unexpected")
        	}
        }
        """;

    [Fact]
    public async Task Gate_prints_the_func_total_and_the_per_package_figures_go_prints()
    {
        var go = FindGo();
        Assert.SkipWhen(go is null, "Go is not installed (Debian: golang-go)");
        Write("go.mod", "module example.com/funclit\n\ngo 1.19\n");
        Write("lits/lits.go", Literals);
        Write("lits/lits_test.go", LiteralsTest);
        Write("plain/plain.go", Plain);
        Write("plain/plain_test.go", PlainTest);
        var profile = Path.Combine(_dir, "cover.out");
        var testOutput = await RunAsync(go!, "test", "-coverprofile=" + profile, "./...");
        var funcOutput = await RunAsync(go!, "tool", "cover", "-func=" + profile);
        var funcTotal = Regex.Match(funcOutput, @"^total:\s+\(statements\)\s+(\S+)$", RegexOptions.Multiline).Groups[1].Value;
        var perPackage = Regex.Matches(testOutput, @"^ok\s+(\S+)\s.*coverage: (\S+) of statements", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(2, perPackage.Count);

        var sw = Stopwatch.StartNew();
        var evidence = await EvidenceReader.ReadAsync([new EvidenceFile(EvidenceKind.GoCoverage, "cover.out", profile)],
            GatePolicy.Defaults, TestContext.Current.CancellationToken, _dir);
        Assert.InRange(sw.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        var coverage = evidence.Coverage!;
        Assert.Equal(funcTotal, coverage.Display);
        Assert.Equal(funcTotal, coverage.InFunctions!.Value.Display);
        // The module is built so that the two totals differ; otherwise this test would prove nothing.
        Assert.NotEqual(funcTotal, coverage.AllStatements.Display);
        foreach (var p in coverage.Packages) Assert.Equal(perPackage[p.Package], p.Display);

        var check = GateEvaluator.Evaluate(GatePolicy.Defaults, evidence).Checks.Single(c => c.Id == GateEvaluator.CoverageId);
        Assert.Equal(funcTotal, check.Measured);
        Assert.Contains(check.Details, d => d.StartsWith($"total {funcTotal} as go tool cover -func prints it", StringComparison.Ordinal));
        Assert.Contains(check.Details, d => d.StartsWith($"all statements {coverage.AllStatements.Display}", StringComparison.Ordinal));
        foreach (var (package, printed) in perPackage)
        {
            var line = $"{package}: {printed} of statements (go test -cover)";
            Assert.Contains(check.Details, d => d.StartsWith(line, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Without_the_sources_the_gate_falls_back_to_all_statements_and_says_so()
    {
        Directory.CreateDirectory(_dir);
        var profile = Path.Combine(_dir, "cover.out");
        await File.WriteAllTextAsync(profile, "mode: set\nexample.com/gone/a.go:3.20,5.2 2 1\nexample.com/gone/a.go:6.2,6.10 1 0\n",
            TestContext.Current.CancellationToken);
        var evidence = await EvidenceReader.ReadAsync([new EvidenceFile(EvidenceKind.GoCoverage, "cover.out", profile)],
            GatePolicy.Defaults, TestContext.Current.CancellationToken, _dir);
        Assert.Null(evidence.Coverage!.InFunctions);
        Assert.Equal("66.7%", evidence.Coverage.Display);
        var check = GateEvaluator.Evaluate(GatePolicy.Defaults, evidence).Checks.Single(c => c.Id == GateEvaluator.CoverageId);
        Assert.Contains(check.Details, d => d.StartsWith("go tool cover -func total not computed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_source_linked_outside_the_project_is_not_read()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "p"));
        var outside = Path.Combine(Path.GetTempPath(), "jiedan-funclit-outside-" + Guid.NewGuid().ToString("N") + ".go");
        var ct = TestContext.Current.CancellationToken;
        await File.WriteAllTextAsync(outside, "package p\n\nfunc A() {\n\tprintln()\n}\n", ct);
        try
        {
            Write("go.mod", "module example.com/linked\n");
            File.CreateSymbolicLink(Path.Combine(_dir, "p", "a.go"), outside);
            var profile = Path.Combine(_dir, "cover.out");
            Write("cover.out", "mode: set\nexample.com/linked/p/a.go:3.10,5.2 1 1\n");
            var evidence = await EvidenceReader.ReadAsync([new EvidenceFile(EvidenceKind.GoCoverage, "cover.out", profile)],
                GatePolicy.Defaults, TestContext.Current.CancellationToken, _dir);
            Assert.Null(evidence.Coverage!.InFunctions);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("sparse")]
    public async Task A_fifo_or_a_huge_sparse_source_is_refused_quickly_and_the_total_falls_back(string kind)
    {
        Write("go.mod", "module example.com/hostile\n");
        Directory.CreateDirectory(Path.Combine(_dir, "p"));
        var source = Path.Combine(_dir, "p", "a.go");
        if (kind == "fifo")
        {
            using var mkfifo = Process.Start("mkfifo", [source]);
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        else
        {
            using var f = File.Create(source);
            f.SetLength(4L << 30); // 4 GiB of holes: reading it would take the machine's memory
        }
        Write("cover.out", "mode: set\nexample.com/hostile/p/a.go:3.10,5.2 1 1\n");
        var sw = Stopwatch.StartNew();
        var evidence = await EvidenceReader.ReadAsync(
            [new EvidenceFile(EvidenceKind.GoCoverage, "cover.out", Path.Combine(_dir, "cover.out"))],
            GatePolicy.Defaults, TestContext.Current.CancellationToken, _dir);
        Assert.InRange(sw.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Null(evidence.Coverage!.InFunctions);
        Assert.Equal("100.0%", evidence.Coverage.Display);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
    }

    private async Task<string> RunAsync(string go, params string[] args)
    {
        var info = new ProcessStartInfo(go) { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        GoFixture.Environment(info);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        var text = await stdout + await stderr;
        Assert.True(p.ExitCode == 0, text);
        return text;
    }

    private static string? FindGo() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "go")).FirstOrDefault(File.Exists);
}
