using System.Text.Json;
using Jiedan.Testing;

namespace Jiedan.Quote.Tests.Cli;

/// <summary>A spec that names a repository: its lines come from <c>jiedan loc</c>, its debt from markers and golangci-lint.</summary>
public sealed class QuoteRepositoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jiedan-quote-repo-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Lines_and_tech_debt_are_measured_from_the_repository()
    {
        var repo = Directory.CreateDirectory(Path.Combine(_dir, "service")).FullName;
        // cloc: 1 blank, 1 comment, 7 code lines of Go. Markers: a TODO in a comment, a FIXME after code, a HACK in a string
        // (markers are read from every line of the file, strings included).
        File.WriteAllText(Path.Combine(repo, "main.go"), """
            package main

            import "fmt"
            // TODO: read the port from the environment
            func main() {
            	x := 1 // FIXME off by one
            	fmt.Println(x)
            	fmt.Println("HACK inside a string still reads as a marker")
            }
            """);
        // Vendor code is not ours: neither its lines nor its markers count.
        Directory.CreateDirectory(Path.Combine(repo, "vendor", "lib"));
        File.WriteAllText(Path.Combine(repo, "vendor", "lib", "lib.go"), "package lib\n// TODO TODO TODO\nfunc F() {}\n");
        File.WriteAllText(Path.Combine(_dir, "lint.json"),
            """{"Issues":[{"FromLinter":"errcheck","Text":"unchecked","Pos":{"Filename":"main.go","Line":8}}]}""");
        var spec = Path.Combine(_dir, "spec.yml");
        File.WriteAllText(spec, """
            platform: toptal
            seniority: mid
            size: { repository: service }
            sla: { p99_ms: 400, uptime_percent: 99.9 }
            tech_debt: { golangci_lint: lint.json }
            """);

        await CommandLine.RunAsync("db", "migrate", "--db", Path.Combine(_dir, "j.db"));
        var (exit, stdout, stderr) =
            await CommandLine.RunAsync("quote", spec, "--json", "--db", Path.Combine(_dir, "j.db"), "--repository-root", _dir);

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var debt = doc.RootElement.GetProperty("techDebt");
        var measured = debt.GetProperty("measured");
        // package, import, func main() {, x := 1, Println, Println, } = 7 code lines
        Assert.Equal(7, measured.GetProperty("effectiveLines").GetInt64());
        Assert.Equal(1, measured.GetProperty("markers").GetProperty("TODO").GetInt32());
        Assert.Equal(1, measured.GetProperty("markers").GetProperty("FIXME").GetInt32());
        Assert.Equal(1, measured.GetProperty("markers").GetProperty("HACK").GetInt32());
        Assert.Equal(1, measured.GetProperty("lintFindings").GetInt32());
        // remediation 15 + 30 + 60 + 10 = 115 min over 7 × 30 = 210 min → 54.76 %
        Assert.Equal(115m, measured.GetProperty("remediationMinutes").GetDecimal());
        Assert.Equal(54.76m, debt.GetProperty("percent").GetDecimal());
        // silver 1.08 + 54.76 × 0.003 = 1.24428
        Assert.Equal(1.24428m, doc.RootElement.GetProperty("premium").GetDecimal());
        Assert.Equal(7, doc.RootElement.GetProperty("layers")[0].GetProperty("measure").GetDouble());
    }

    [Fact]
    public async Task A_missing_lint_report_exits_2_at_its_node()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "service"));
        var spec = Path.Combine(_dir, "spec.yml");
        File.WriteAllText(spec,
            "platform: toptal\nseniority: mid\nsize: { repository: service }\nsla: { p99_ms: 400, uptime_percent: 99.9 }\ntech_debt:\n" +
            "  golangci_lint: nope.json\n");

        await CommandLine.RunAsync("db", "migrate", "--db", Path.Combine(_dir, "j.db"));
        var (exit, _, stderr) = await CommandLine.RunAsync("quote", spec, "--db", Path.Combine(_dir, "j.db"), "--repository-root", _dir);

        Assert.Equal(2, exit);
        Assert.Contains(spec + ":6:18: tech_debt.golangci_lint", stderr);
    }
}
