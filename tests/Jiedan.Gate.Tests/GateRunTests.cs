using System.Xml.Linq;
using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.Checklist;
using Jiedan.Gate.Evidence;
using Jiedan.Gate.Reports;
using Microsoft.Extensions.Time.Testing;

namespace Jiedan.Gate.Tests;

public sealed class GateRunTests(GoFixture go) : IDisposable
{
    private readonly List<string> _dirs = [];

    public void Dispose()
    {
        foreach (var d in _dirs) try { Directory.Delete(d, recursive: true); } catch (IOException) { }
    }

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    private string Project(Action<string>? arrange = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "jiedan-gate-test-" + Guid.NewGuid().ToString("N"));
        _dirs.Add(dir);
        GoFixture.CopyTree(GoFixture.Source, dir);
        arrange?.Invoke(dir);
        return dir;
    }

    [Fact]
    public async Task Run_produces_evidence_and_the_complexity_counter_follows_gocyclo_rules()
    {
        go.RequireGo();
        // A stale profile at the root is replaced by the fresh one --run writes.
        var dir = Project(d =>
            File.WriteAllText(Path.Combine(d, "cover.out"), "mode: set\nexample.com/goshop/money/money.go:19.1,20.2 1 1\n"));
        var outcome = await GateRun.ExecuteAsync(new GateRun.Options(dir) { RunTools = true, WorkDir = Path.Combine(dir, "out") }, Clock,
            TestContext.Current.CancellationToken);
        var cyclo = outcome.Evidence.Complexity!;
        // Hand-counted: (*Cart).Add = 1 + if + if + for + if = 5; (*Cart).Discount = 1 + if + || + 2 cases + && = 6;
        // Slug = 1 + 2×&& + 2×|| in its closure = 5; Truncate = 1 + 2 ifs = 3; main = 1.
        Assert.Equal(5, cyclo.Functions.Single(f => f.Function == "(*Cart).Add").Complexity);
        Assert.Equal(6, cyclo.Functions.Single(f => f.Function == "(*Cart).Discount").Complexity);
        Assert.Equal(5, cyclo.Functions.Single(f => f.Function == "Slug").Complexity);
        Assert.Equal(3, cyclo.Functions.Single(f => f.Function == "Truncate").Complexity);
        Assert.Equal("cart/cart.go:24:1", cyclo.Functions.Single(f => f.Function == "(*Cart).Add").Location);
        Assert.Equal(6, cyclo.Max);
        Assert.Contains(outcome.Files, f => f.Name == "run/coverage.out");
        Assert.DoesNotContain(outcome.Files, f => f.Name == "cover.out");
        Assert.Contains(outcome.Notes, n => n.Contains("gosec", StringComparison.Ordinal));
        // The fixture's go.mod says go 1.19 and ~64% coverage: the seed policy fails it.
        Assert.False(outcome.Checklist.Passed);
        Assert.Equal(GateStatus.Fail, outcome.Checklist.Checks.Single(c => c.Id == GateEvaluator.GoVersionId).Status);
    }

    [Fact]
    public async Task A_policy_can_make_the_same_project_pass()
    {
        go.RequireGo();
        var dir = Project(d =>
        {
            File.Copy(go.CoverProfile, Path.Combine(d, "coverage.out"));
            Directory.CreateDirectory(Path.Combine(d, "api"));
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "openapi.yaml"), Path.Combine(d, "api", "openapi.yaml"));
            File.WriteAllText(Path.Combine(d, "jiedan.gate.yml"), """
                coverage:
                  min: 60
                vulnerabilities:
                  enabled: false
                complexity:
                  enabled: false
                goVersion:
                  constraint: ">=1.19, <1.23"
                """);
        });
        var outcome = await GateRun.ExecuteAsync(new GateRun.Options(dir), Clock, TestContext.Current.CancellationToken);
        Assert.True(outcome.Checklist.Passed, string.Join("; ", outcome.Checklist.Checks.Select(c => $"{c.Id}={c.Status} {c.Measured}")));
        Assert.Equal(["api/openapi.yaml", "coverage.out", "go.mod", "jiedan.gate.yml"],
            outcome.Files.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Unreadable_evidence_never_passes()
    {
        var dir = Project(d =>
            File.WriteAllText(Path.Combine(d, "coverage.out"), "mode: set\nexample.com/goshop/cart/cart.go:24.34,20.21 1 1\n"));
        var e = await Assert.ThrowsAsync<GateInputException>(() =>
            GateRun.ExecuteAsync(new GateRun.Options(dir), Clock, TestContext.Current.CancellationToken));
        Assert.Equal("coverage.out", e.File);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public async Task A_file_the_policy_names_must_exist()
    {
        var dir = Project(d => File.WriteAllText(Path.Combine(d, "jiedan.gate.yml"), "complexity:\n  report: reports/gocyclo.txt\n"));
        var e = await Assert.ThrowsAsync<GateInputException>(() =>
            GateRun.ExecuteAsync(new GateRun.Options(dir), Clock, TestContext.Current.CancellationToken));
        Assert.Equal("reports/gocyclo.txt", e.File);
    }

    [Fact]
    public void The_evidence_hash_depends_on_names_and_bytes_not_location()
    {
        var a = Project();
        var b = Project();
        EvidenceFile[] Files(string d) =>
            [new(EvidenceKind.GoMod, "go.mod", Path.Combine(d, "go.mod")),
            new(EvidenceKind.Complexity, "money/money.go", Path.Combine(d, "money", "money.go"))];
        var hash = EvidenceHash.Compute(Files(a));
        Assert.Equal(hash, EvidenceHash.Compute(Files(b)));
        Assert.Equal(hash, EvidenceHash.Compute(Files(b).Reverse()));
        Assert.Matches("^[0-9a-f]{64}$", hash);
        File.AppendAllText(Path.Combine(b, "go.mod"), "\n");
        Assert.NotEqual(hash, EvidenceHash.Compute(Files(b)));
        Assert.NotEqual(hash, EvidenceHash.Compute([Files(a)[0] with { Name = "x/go.mod" }, Files(a)[1]]));
    }

    [Fact]
    public async Task Writes_junit_json_markdown_and_html()
    {
        var dir = Project(d =>
            File.WriteAllText(Path.Combine(d, "coverage.out"),
            "mode: set\nexample.com/goshop/cart/cart.go:24.34,25.21 3 1\nexample.com/goshop/money/money.go:19.39,20.2 1 0\n"));
        var outcome = await GateRun.ExecuteAsync(new GateRun.Options(dir), Clock, TestContext.Current.CancellationToken);
        var rendered = GateReportFiles.Render(outcome, "zh");
        var written = GateReportFiles.Write(rendered, Path.Combine(dir, "report"));
        Assert.Contains(written, f => f.EndsWith("gate.junit.xml", StringComparison.Ordinal));

        var junit = XDocument.Parse(System.Text.Encoding.UTF8.GetString(rendered.JUnit));
        var cases = junit.Descendants("testcase").ToList();
        Assert.Equal(outcome.Checklist.Checks.Count, cases.Count);
        Assert.Equal(outcome.Checklist.Checks.Count(c => c.Blocks), cases.Count(c => c.Element("failure") is not null));
        Assert.Equal("missing",
            cases.Single(c => ((string)c.Attribute("name")!).StartsWith("api-docs",
            StringComparison.Ordinal)).Element("failure")!.Attribute("type")!.Value);
        Assert.Equal(outcome.EvidenceSha256,
            junit.Descendants("property").Single(p => (string)p.Attribute("name")! == "evidence.sha256").Attribute("value")!.Value);

        using var json = System.Text.Json.JsonDocument.Parse(rendered.Json);
        var coverage = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "coverage");
        Assert.Equal("75.0%", coverage.GetProperty("measured").GetString());
        // 3 of 4 statements, all inside functions (Cart.Add, money.Add): 75.0% is under the seed's 80%.
        Assert.Equal("fail", coverage.GetProperty("status").GetString());
        Assert.Equal("≥ 80%", coverage.GetProperty("threshold").GetString());
        Assert.Contains("交付验收清单", rendered.Markdown);
        Assert.Contains("<svg", rendered.Html);
    }

    [Fact]
    public async Task The_pdf_carries_the_chinese_headings_and_the_charts()
    {
        var dir = Project(d =>
            File.WriteAllText(Path.Combine(d, "coverage.out"),
            "mode: set\nexample.com/goshop/cart/cart.go:24.34,25.21 3 1\nexample.com/goshop/money/money.go:19.39,20.2 1 0\n"));
        var outcome = await GateRun.ExecuteAsync(new GateRun.Options(dir), Clock, TestContext.Current.CancellationToken);
        var rendered = GateReportFiles.Render(outcome, "zh");
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(rendered.Pdf);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains("交付验收清单", text);
        Assert.Contains("检查项", text);
        Assert.Contains("各包覆盖率", text);
        Assert.Contains(outcome.EvidenceSha256, text);
    }

    [Fact]
    public async Task The_evidence_hash_is_the_documented_recipe_as_sha256sum_computes_it()
    {
        Assert.SkipWhen(!File.Exists("/usr/bin/sha256sum") || !File.Exists("/bin/sh"), "coreutils sha256sum not available");
        var dir = Project();
        // docs/gate.md: for each file in name order, "<name>\n<length>\n<bytes>\n", hashed with SHA-256.
        var script = "cd \"$1\" && { for f in go.mod money/money.go; do printf '%s\\n%s\\n" +
            "' \"$f\" \"$(stat -c %s \"$f\")\"; cat \"$f\"; printf '\\n'; done; } | sha256sum";
        var info = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true };
        foreach (var a in new[] { "-c", script, "sh", dir }) info.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(info)!;
        var output = await p.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await p.WaitForExitAsync(TestContext.Current.CancellationToken);
        var expected = output.Split(' ')[0];
        var ours = EvidenceHash.Compute([new(EvidenceKind.Complexity, "money/money.go", Path.Combine(dir, "money", "money.go")),
            new(EvidenceKind.GoMod, "go.mod", Path.Combine(dir, "go.mod"))]);
        Assert.Equal(expected, ours);
    }
}
