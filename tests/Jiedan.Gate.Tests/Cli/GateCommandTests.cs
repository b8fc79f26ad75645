using System.Text.Json;
using Jiedan.Common.Cli;
using Jiedan.Testing;

namespace Jiedan.Gate.Tests.Cli;

/// <summary>The <c>jiedan gate</c> command end to end on small hand-made projects (no Go needed).</summary>
public sealed class GateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jiedan-gate-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private void PassingProject()
    {
        Write("go.mod", "module example.com/shop\n\ngo 1.21\n");
        Write("coverage.out", "mode: count\nexample.com/shop/a/a.go:3.1,5.2 8 4\nexample.com/shop/a/a.go:6.1,7.2 2 0\n");
        Write("gocyclo.txt", "4 a Handle a/a.go:3:1\n");
        Write("results.sarif",
            """
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"gosec"}},"results":[{"ruleId":"G104","level":"warning",
                "message":{"text":"unhandled error"}}]}]}
                """);
        Write("api/openapi.yaml",
            "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      summary: A\n      responses:\n" +
            "        '200':\n          description: ok\n          content:\n            application/json:\n" +
            "              schema: {type: string}\n");
    }

    private static Task<CliResult> Jiedan(params string[] args) => CommandLine.RunAsync(args);

    [Fact]
    public async Task Exit_0_when_every_check_passes_with_the_checklist_as_json()
    {
        PassingProject();
        var (code, output, err) = await Jiedan("gate", _dir, "--json", "--out", Path.Combine(_dir, "report"));
        Assert.True(code == ExitCodes.Ok, output + err);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("passed").GetBoolean());
        var coverage = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "coverage");
        // 8 of 10 statements ran.
        Assert.Equal("80.0%", coverage.GetProperty("measured").GetString());
        Assert.Equal("≥ 80%", coverage.GetProperty("threshold").GetString());
        Assert.Equal("pass", coverage.GetProperty("status").GetString());
        Assert.Matches("^[0-9a-f]{64}$", json.RootElement.GetProperty("evidenceSha256").GetString());
        foreach (var f in new[] { "gate.html", "gate.json", "gate.junit.xml", "gate.md" })
            Assert.True(File.Exists(Path.Combine(_dir, "report", f)), f);
    }

    [Fact]
    public async Task Exit_1_when_a_check_fails()
    {
        PassingProject();
        Write("results.sarif",
            """
                {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"gosec"}},"results":[{"ruleId":"G101","level":"error",
                "message":{"text":"hard-coded credential"}}]}]}
                """);
        var (code, output, _) = await Jiedan("gate", _dir, "--out", Path.Combine(_dir, "report"), "--lang", "en");
        Assert.Equal(ExitCodes.CheckFailed, code);
        Snapshot.Match(output, "gate-failing-checklist.txt", Paths);
    }

    [Fact]
    public async Task The_markdown_and_html_reports_of_a_passing_project()
    {
        PassingProject();
        var report = Path.Combine(_dir, "report");
        var (code, output, err) = await Jiedan("gate", _dir, "--out", report, "--lang", "en");
        Assert.True(code == ExitCodes.Ok, output + err);
        Snapshot.Match(File.ReadAllText(Path.Combine(report, "gate.md")), "gate.md", Paths);
        Snapshot.Match(File.ReadAllText(Path.Combine(report, "gate.html")), "gate.html", Paths);
    }

    private Dictionary<string, string> Paths => new() { [_dir] = "<project>", [Path.GetFileName(_dir)] = "<project>" };

    [Fact]
    public async Task Exit_1_when_required_evidence_is_missing()
    {
        PassingProject();
        File.Delete(Path.Combine(_dir, "coverage.out"));
        var (code, output, _) = await Jiedan("gate", _dir, "--out", Path.Combine(_dir, "report"));
        Assert.Equal(ExitCodes.CheckFailed, code);
        Assert.Contains("MISSING", output);
    }

    [Fact]
    public async Task Exit_2_on_unreadable_evidence_naming_file_and_line_and_writing_nothing()
    {
        PassingProject();
        Write("coverage.out", "mode: set\nexample.com/shop/a/a.go:3.1,5.2 8 4\nexample.com/shop/a/a.go:6.1 2 0\n");
        var (code, _, err) = await Jiedan("gate", _dir, "--out", Path.Combine(_dir, "report"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("coverage.out:3:", err);
        Assert.Contains("bad block range", err);
        Assert.False(Directory.Exists(Path.Combine(_dir, "report")));
    }

    [Fact]
    public async Task Exit_2_on_a_bad_policy()
    {
        PassingProject();
        Write("strict.yml", "coverage:\n  min: 80\n  treshold: 3\n");
        var (code, _, err) = await Jiedan("gate", _dir, "--policy", Path.Combine(_dir, "strict.yml"), "--out",
            Path.Combine(_dir, "report"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(":3:", err);
    }

    [Fact]
    public async Task With_deal_the_run_is_stored_on_the_deal_and_an_unknown_deal_is_bad_input()
    {
        PassingProject();
        var db = Path.Combine(_dir, "jiedan.db");
        await Jiedan("db", "migrate", "--db", db);
        var (created, dealJson, dealErr) = await Jiedan("deals", "add", "--client", "Acme 客户", "--platform", "Upwork",
            "--category", "ApiService", "--seniority", "Mid", "--db", db, "--json");
        Assert.True(created == ExitCodes.Ok, dealErr);
        var dealId = JsonDocument.Parse(dealJson).RootElement.GetProperty("id").GetInt64()
            .ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (code, output, err) = await Jiedan("gate", _dir, "--deal", dealId, "--db", db, "--out", Path.Combine(_dir, "report"));
        Assert.True(code == ExitCodes.Ok, output + err);
        Assert.Contains($"stored as gate run #1 on deal {dealId}", output);

        var (missing, _, missingErr) = await Jiedan("gate", _dir, "--deal", "999", "--db", db, "--out", Path.Combine(_dir, "other"));
        Assert.Equal(ExitCodes.BadInput, missing);
        Assert.Contains("deal 999 not found", missingErr);
        Assert.False(Directory.Exists(Path.Combine(_dir, "other")));
    }

    [Fact]
    public async Task With_deal_every_route_its_contract_promised_must_be_documented()
    {
        PassingProject();
        var db = Path.Combine(_dir, "jiedan.db");
        await Jiedan("db", "migrate", "--db", db);
        var (_, dealJson, _) = await Jiedan("deals", "add", "--client", "Acme", "--platform", "Upwork", "--db", db, "--json");
        var dealId = JsonDocument.Parse(dealJson).RootElement.GetProperty("id").GetInt64()
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        Write("contract/requirement.yml", """
            service: shop
            version: 1.0.0
            entities:
              Item:
                fields:
                  name: { type: string, required: true, max_length: 40 }
                operations: [create, get]
            """);
        var (stored, _, storeErr) = await Jiedan("contract", Path.Combine(_dir, "contract", "requirement.yml"),
            "--out", Path.Combine(_dir, "contract", "out"), "--deal", dealId, "--db", db);
        Assert.True(stored == ExitCodes.Ok, storeErr);

        // The delivered document describes only GET /a: both promised operations are missing.
        var (failed, output, err) = await Jiedan("gate", _dir, "--deal", dealId, "--db", db, "--json", "--out", Path.Combine(_dir, "r1"));
        Assert.True(failed == ExitCodes.CheckFailed, output + err);
        const string promised = ": promised in the contract but not documented";
        var missing = ApiDocsDetails(output).Where(d => d.EndsWith(promised, StringComparison.Ordinal));
        Assert.Equal(["GET /items/{id}", "POST /items"], missing.Select(d => d[..d.IndexOf(':', StringComparison.Ordinal)]).Order());

        // Delivering the contract's own OpenAPI document keeps every promise.
        File.Copy(Path.Combine(_dir, "contract", "out", "openapi.yaml"), Path.Combine(_dir, "api", "openapi.yaml"), overwrite: true);
        var (_, kept, _) = await Jiedan("gate", _dir, "--deal", dealId, "--db", db, "--json", "--out", Path.Combine(_dir, "r2"));
        Assert.DoesNotContain(ApiDocsDetails(kept), d => d.Contains("promised in the contract", StringComparison.Ordinal));

        // Without --deal there is no contract to keep.
        var (_, alone, _) = await Jiedan("gate", _dir, "--json", "--out", Path.Combine(_dir, "r3"));
        Assert.DoesNotContain(ApiDocsDetails(alone), d => d.Contains("promised in the contract", StringComparison.Ordinal));
    }

    private static List<string> ApiDocsDetails(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var check = doc.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "api-docs");
        return check.GetProperty("details").EnumerateArray().Select(d => d.GetString()!).ToList();
    }
}
