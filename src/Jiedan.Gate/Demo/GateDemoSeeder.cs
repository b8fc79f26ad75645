using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Gate.ApiDocs;
using Jiedan.Domain.Gate.Checklist;
using Jiedan.Domain.Gate.Complexity;
using Jiedan.Domain.Gate.Coverage;
using Jiedan.Domain.Gate.Findings;
using Jiedan.Domain.Gate.GoModules;
using Jiedan.Domain.Gate.Policy;
using Jiedan.Domain.Gate.Testing;
using Jiedan.Gate.Cli;
using Jiedan.Gate.Evidence;
using Jiedan.Gate.Reports;
using Jiedan.Gate.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Gate.Demo;

/// <summary>
/// Gate runs on a few demo deals in delivery, some passing and some failing, with their reports (HTML, PDF, Markdown,
/// gate.json). No tool runs and no file is read: the evidence is synthetic, deterministic, and says so in every report.
/// </summary>
public sealed class GateDemoSeeder(GateRunStore store, GateDbContext gate, DealsDbContext deals, TimeProvider clock)
{
    public const string Note = "demo: synthetic evidence, no tools were run / 演示数据：证据为合成，未运行任何工具";
    public const string ProjectPrefix = "demo-";

    private static readonly string[] Projects = ["orders-api", "billing-service", "fleet-tracker", "etl-pipeline", "auth-gateway"];

    /// <summary>Per deal, its runs oldest first: what each run's evidence shows.</summary>
    private static readonly Scenario[][] Scenarios =
    [
        [new(Coverage: 71.4, High: 1, ApiDocs: 1.0), new(Coverage: 84.2, High: 0, ApiDocs: 1.0)],
        [new(Coverage: 88.9, High: 0, ApiDocs: 1.0)],
        [new(Coverage: 82.5, High: 0, ApiDocs: 0.84)],
        [new(Coverage: 79.0, High: 0, ApiDocs: 0.9), new(Coverage: 81.3, High: 0, ApiDocs: 0.96)],
        [new(Coverage: 86.1, High: 2, ApiDocs: 1.0)],
    ];

    private sealed record Scenario(double Coverage, int High, double ApiDocs);

    /// <summary>Adds the runs; returns how many it stored.</summary>
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var demo = await deals.Deals.AsNoTracking().Where(d => d.IsDemo).OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Stage, d.Client }).ToListAsync(ct);
        var chosen = demo.Where(d => d.Stage is "Delivering" or "Delivered").Concat(demo).DistinctBy(d => d.Id).Take(Scenarios.Length)
            .ToList();
        var random = new Random(5);
        var now = clock.GetUtcNow();
        var stored = 0;
        for (var i = 0; i < chosen.Count; i++)
        {
            var deal = chosen[i];
            var language = deal.Client.Any(c => c >= 0x4E00 && c <= 0x9FFF) ? "zh" : "en";
            for (var run = 0; run < Scenarios[i].Length; run++)
            {
                var at = now.AddDays(-(2 * i + 1) - 3 * (Scenarios[i].Length - 1 - run)).AddHours(-random.Next(1, 9));
                var outcome = Outcome(ProjectPrefix + Projects[i], Scenarios[i][run], at, random);
                var record = GateRunRecords.From(outcome, GateReportFiles.Render(outcome, language), deal.Id);
                if (await store.AddAsync(record, ct) is not null) stored++;
            }
        }
        return stored;
    }

    /// <summary>Deletes the runs on demo deals.</summary>
    public Task<int> RemoveAsync(IReadOnlyCollection<long> demoDealIds, CancellationToken ct) =>
        gate.Runs.Where(r => demoDealIds.Contains(r.DealId)).ExecuteDeleteAsync(ct);

    private static GateOutcome Outcome(string project, Scenario s, DateTimeOffset at, Random random)
    {
        var policy = GatePolicy.Defaults;
        var evidence = new GateEvidence
        {
            Coverage = Coverage(project, s.Coverage, random),
            Findings = Findings(s.High),
            ApiDocs = ApiDocs(s.ApiDocs),
            Complexity = new ComplexityReport(
            [
                new(9 + random.Next(0, 5), "internal/service", "(*Service).Handle", "internal/service/service.go:42:1"),
                new(4 + random.Next(0, 4), "internal/store", "(*Store).Save", "internal/store/store.go:88:1"),
            ]),
            GoMod = new GoModFile($"example.com/{project}", "1.22.4", null),
            Tests = new TestRunSummary([.. Enumerable.Range(1, 24).Select(n => new TestOutcome("internal/service",
                $"TestCase{n:00}", TestStatus.Passed, 0.01 * random.Next(1, 40)))]),
        };
        EvidenceFile File(EvidenceKind kind, string name) => new(kind, name, "");
        IReadOnlyList<EvidenceFile> files =
            [File(EvidenceKind.GoCoverage, "coverage.out"), File(EvidenceKind.Gosec, "gosec.json"),
                File(EvidenceKind.OpenApi, "api/openapi.yaml"), File(EvidenceKind.Complexity, "gocyclo.txt"),
                File(EvidenceKind.GoMod, "go.mod"), File(EvidenceKind.GoTestJson, "test.json")];
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"demo\n{project}\n{s}\n{at:O}"))));
        return new GateOutcome("demo/" + project, policy, GateEvaluator.Evaluate(policy, evidence), evidence, files, hash, [Note], at);
    }

    private static CoverageSummary Coverage(string project, double percent, Random random)
    {
        string[] packages = ["cmd/server", "internal/api", "internal/service", "internal/store"];
        var list = packages.Select(p =>
        {
            long statements = random.Next(120, 900);
            var share = Math.Clamp(percent / 100 + (random.NextDouble() - 0.5) * 0.12, 0.3, 1);
            return new PackageCoverage($"example.com/{project}/{p}", statements, (long)Math.Round(statements * share));
        }).ToList();
        // The total is the scenario's: the last package absorbs the difference.
        var total = list.Sum(p => p.Statements);
        var wanted = (long)Math.Round(total * percent / 100);
        var last = list[^1];
        list[^1] = last with { Covered = Math.Clamp(last.Covered + wanted - list.Sum(p => p.Covered), 0, last.Statements) };
        var covered = list.Sum(p => p.Covered);
        return new CoverageSummary("go", total, covered, list) { InFunctions = new StatementCount(total, covered) };
    }

    private static FindingSummary Findings(int high)
    {
        var summary = new FindingSummary();
        summary.AddTool("gosec");
        (string Rule, Severity Severity, string Message, string File, long Line)[] all =
        [
            ("G402", Severity.High, "TLS InsecureSkipVerify set true.", "internal/api/client.go", 31),
            ("G304", Severity.High, "Potential file inclusion via variable", "internal/store/export.go", 57),
            ("G104", Severity.Low, "Errors unhandled.", "cmd/server/main.go", 22),
            ("G114", Severity.Medium, "Use of net/http serve function that has no support for setting timeouts", "cmd/server/main.go", 40),
        ];
        foreach (var f in all.Where(f => f.Severity < Severity.High).Concat(all.Where(f => f.Severity >= Severity.High).Take(high)))
            summary.Add(new Finding("gosec", f.Rule, f.Severity, f.Message, f.File, f.Line));
        return summary;
    }

    private static ApiDocsReport ApiDocs(double documented)
    {
        string[] resources = ["orders", "customers", "invoices", "shipments", "reports"];
        var operations = resources.SelectMany(r => new[] { ("GET", $"/v1/{r}"), ("POST", $"/v1/{r}"), ("GET", $"/v1/{r}/{{id}}"),
            ("PUT", $"/v1/{r}/{{id}}"), ("DELETE", $"/v1/{r}/{{id}}") }).ToList();
        var complete = (int)Math.Round(operations.Count * documented);
        return new ApiDocsReport("3.0.3", [.. operations.Select((o, i) => new OperationDocs(o.Item1, o.Item2, HasSummary: true,
            ParametersDescribed: i < complete || i % 2 == 0, ResponsesDocumented: i < complete))], []);
    }
}
