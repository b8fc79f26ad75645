using System.Diagnostics;
using Jiedan.Cli;
using Jiedan.Testing;

namespace Jiedan.Quote.Tests.Cli;

/// <summary>
/// `jiedan quote` reads only below its repository root (--repository-root, else Quotes:RepositoryRoot, else the current
/// directory): specs naming /etc, climbing out with .., or linking out are refused at their node with exit 2, and
/// nothing of the files they name is echoed.
/// </summary>
public sealed class QuoteConfinementTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jiedan-quote-conf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<(int Exit, string Err)> Quote(string yaml, params string[] extra)
    {
        var spec = Path.Combine(_dir, "spec.yml");
        File.WriteAllText(spec, yaml);
        var stderr = new StringWriter();
        await JiedanCli.RunAsync(["db", "migrate", "--db", Path.Combine(_dir, "j.db")], TextWriter.Null, TextWriter.Null);
        var exit = await JiedanCli.RunAsync(["quote", spec, "--db", Path.Combine(_dir, "j.db"), .. extra], new StringWriter(), stderr);
        return (exit, stderr.ToString());
    }

    private static string Spec(string size, string debt = "") =>
        $"platform: toptal\nseniority: mid\nsize: {size}\nsla: {{ p99_ms: 400, uptime_percent: 99.9 }}\n{debt}";

    [Theory]
    [InlineData("/etc")]
    [InlineData("../../../../../../..")]
    public async Task A_repository_outside_the_root_is_refused(string repository)
    {
        var (exit, err) = await Quote(Spec($"{{ repository: \"{repository}\" }}"), "--repository-root", _dir);

        Assert.Equal(2, exit);
        Assert.Contains($":3:21: size.repository: {repository} is outside the repository root", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_flag_the_root_is_the_current_directory()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "service"));
        var cwd = Directory.GetCurrentDirectory();
        Assert.SkipWhen(_dir.StartsWith(cwd.TrimEnd('/') + "/", StringComparison.Ordinal),
            $"the tests run in {cwd}, above the temporary directory");

        var (exit, err) = await Quote(Spec("{ repository: service }"));

        Assert.Equal(2, exit);
        Assert.Contains("size.repository: service is outside the repository root", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lint_report_linked_to_a_secret_is_refused_without_echoing_it()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "service"));
        var secret = Directory.CreateTempSubdirectory("jiedan-quote-secret-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(secret, "shadow"), "root:$6$SECRET-HASH:19000:0:99999:7:::\n");
            File.CreateSymbolicLink(Path.Combine(_dir, "lint.json"), Path.Combine(secret, "shadow"));

            var (exit, err) = await Quote(Spec("{ repository: service }", "tech_debt: { golangci_lint: lint.json }\n"),
                "--repository-root", _dir);
            var (absExit, absErr) = await Quote(Spec("{ repository: service }", $"tech_debt: {{ golangci_lint: {secret}/shadow }}\n"),
                "--repository-root", _dir);

            Assert.Equal((2, 2), (exit, absExit));
            Assert.Contains("tech_debt.golangci_lint: lint.json is outside the repository root", err, StringComparison.Ordinal);
            Assert.Contains("tech_debt.golangci_lint: ", absErr, StringComparison.Ordinal);
            Assert.DoesNotContain("root:", err + absErr, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET", err + absErr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(secret, recursive: true);
        }
    }

    [Fact]
    public async Task A_lint_report_that_is_not_json_is_refused_without_echoing_it()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "service"));
        File.WriteAllText(Path.Combine(_dir, "lint.json"), "root:$6$SECRET-HASH:19000\n");

        var (exit, err) = await Quote(Spec("{ repository: service }", "tech_debt: { golangci_lint: lint.json }\n"), "--repository-root",
            _dir);

        Assert.Equal(2, exit);
        Assert.Contains("tech_debt.golangci_lint: cannot read lint.json: not a golangci-lint JSON report", err, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", err, StringComparison.Ordinal);
        Assert.DoesNotContain("'r'", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repository_holding_a_fifo_and_a_fifo_lint_report_neither_hang_nor_count()
    {
        var repo = Directory.CreateDirectory(Path.Combine(_dir, "service")).FullName;
        File.WriteAllText(Path.Combine(repo, "main.go"), "package main\n\nfunc main() {}\n");
        foreach (var fifo in new[] { Path.Combine(repo, "pipe.go"), Path.Combine(_dir, "lint.json") })
            using (var mkfifo = Process.Start("mkfifo", [fifo])) await mkfifo.WaitForExitAsync();

        var (exit, err) = await Quote(Spec("{ repository: service }", "tech_debt: { golangci_lint: lint.json }\n"), "--repository-root",
            _dir)
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, exit);
        Assert.Contains("tech_debt.golangci_lint: cannot read lint.json: not a regular file (a FIFO)", err, StringComparison.Ordinal);
    }
}
