using System.Globalization;
using Jiedan.Domain.Gate.GoModules;
using Jiedan.Domain.Gate.Policy;

namespace Jiedan.Domain.Gate.Checklist;

/// <summary>Turns a policy and the evidence into the deliverables checklist. Pure: no files, no clock.</summary>
public static class GateEvaluator
{
    public const string CoverageId = "coverage";
    public const string VulnerabilitiesId = "vulnerabilities";
    public const string ApiDocsId = "api-docs";
    public const string ComplexityId = "complexity";
    public const string GoVersionId = "go-version";
    public const string TestsId = "tests";
    public const string BenchmarksId = "benchmarks";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static GateChecklist Evaluate(GatePolicy policy, GateEvidence evidence) => new(
    [
        Coverage(policy.Coverage, evidence),
        Vulnerabilities(policy.Vulnerabilities, evidence),
        ApiDocumentation(policy.ApiDocs, evidence),
        Complexity(policy.Complexity, evidence),
        GoVersion(policy.GoVersion, evidence),
        Tests(policy.Tests, evidence),
        Benchmarks(policy.Benchmarks, evidence),
    ]);

    private static GateCheck Coverage(CoverageCheck check, GateEvidence e)
    {
        const string title = "Statement coverage", zh = "语句覆盖率";
        var threshold = $"≥ {check.Min.ToString("0.#", Inv)}%";
        if (Absent(check, e.Coverage, CoverageId, title, zh, threshold) is { } absent) return absent;
        var c = e.Coverage!;
        var details = new List<string>();
        if (c.Format == "go")
        {
            details.Add(c.InFunctions is { } f
                ? $"total {f.Display} as go tool cover -func prints it ({f.Covered}/{f.Statements} statements in functions; threshold)"
                : "go tool cover -func total not computed (Go sources not found under the project); threshold on all statements");
            details.Add($"all statements {c.AllStatements.Display} ({c.Covered}/{c.Statements}), the basis of go test -cover");
        }
        var basis = c.Format == "go" ? " of statements (go test -cover)" : "";
        details.AddRange(c.Packages.Select(p => $"{p.Package}: {p.Display}{basis} ({p.Covered}/{p.Statements})"));
        return new GateCheck(CoverageId, title, zh, c.Display, threshold, Verdict(c.Percent >= check.Min), details);
    }

    private static GateCheck Vulnerabilities(VulnerabilityCheck check, GateEvidence e)
    {
        const string title = "High-severity vulnerabilities", zh = "高危漏洞";
        var threshold = $"≤ {check.MaxHigh}";
        if (Absent(check, e.Findings, VulnerabilitiesId, title, zh, threshold) is { } absent) return absent;
        var f = e.Findings!;
        var details = f.Samples.Where(s => s.Severity >= Findings.Severity.High)
            .Select(s => $"{s.Severity} {s.RuleId} {s.File}{(s.Line is { } l ? ":" + l : "")}: {s.Message}").Take(50).ToList();
        return new GateCheck(VulnerabilitiesId, title, zh, f.HighOrWorse.ToString(Inv), threshold, Verdict(f.HighOrWorse <= check.MaxHigh),
            details);
    }

    private static GateCheck ApiDocumentation(ApiDocsCheck check, GateEvidence e)
    {
        const string title = "API documentation completeness", zh = "接口文档完整度";
        var threshold = $"≥ {check.Min.ToString("0.#", Inv)}%";
        if (Absent(check, e.ApiDocs, ApiDocsId, title, zh, threshold) is { } absent) return absent;
        var a = e.ApiDocs!;
        var details = a.Operations.Where(o => !o.Complete).Select(o => $"{o.Method} {o.Path}: {string.Join(", ", o.Gaps())}")
            .Concat(a.UndocumentedRoutes.Select(r => $"{r}: served but not documented"))
            .Concat(a.UndocumentedPromises.Select(r => $"{r}: promised in the contract but not documented")).ToList();
        var measured = $"{a.Percent.ToString("0.0", Inv)}% ({a.Complete}/{a.Operations.Count})";
        if (a.UndocumentedRoutes.Count > 0) measured += $", {a.UndocumentedRoutes.Count} undocumented route(s)";
        if (a.UndocumentedPromises.Count > 0) measured += $", {a.UndocumentedPromises.Count} promised route(s) missing";
        var documented = a.UndocumentedRoutes.Count == 0 && a.UndocumentedPromises.Count == 0;
        return new GateCheck(ApiDocsId, title, zh, measured, threshold,
            Verdict(a.Operations.Count > 0 && a.Percent >= check.Min && documented), details);
    }

    private static GateCheck Complexity(ComplexityCheck check, GateEvidence e)
    {
        const string title = "Cyclomatic complexity (max per function)", zh = "圈复杂度（单函数最大值）";
        var threshold = $"≤ {check.Max}";
        if (Absent(check, e.Complexity, ComplexityId, title, zh, threshold) is { } absent) return absent;
        var c = e.Complexity!;
        var details = c.Over(check.Max).Select(f => $"{f.Complexity} {f.Package}.{f.Function} {f.Location}").ToList();
        return new GateCheck(ComplexityId, title, zh, c.Max.ToString(Inv), threshold, Verdict(c.Max <= check.Max), details);
    }

    private static GateCheck GoVersion(GoVersionCheck check, GateEvidence e)
    {
        const string title = "Go version (go.mod)", zh = "Go 版本（go.mod）";
        var threshold = check.Constraint;
        if (Absent(check, e.GoMod, GoVersionId, title, zh, threshold) is { } absent) return absent;
        var mod = e.GoMod!;
        var constraint = VersionConstraint.Parse(check.Constraint);
        var measured = new List<string>();
        var ok = true;
        var details = new List<string> { $"module {mod.Module}" };
        if (mod.GoVersion is null) { ok = false; details.Add("no 'go' directive"); }
        foreach (var (directive, value) in new[] { ("go", mod.GoVersion), ("toolchain", mod.Toolchain) })
        {
            if (value is null || value == "default") continue;
            measured.Add($"{directive} {value}");
            if (!SemanticVersion.TryParse(value, out var v) || !constraint.IsSatisfiedBy(v))
            {
                ok = false;
                details.Add($"{directive} {value} does not satisfy {check.Constraint}");
            }
        }
        return new GateCheck(GoVersionId, title, zh, measured.Count == 0 ? "none" : string.Join(", ", measured), threshold, Verdict(ok),
            details);
    }

    private static GateCheck Tests(TestsCheck check, GateEvidence e)
    {
        const string title = "Tests (go test -json)", zh = "测试（go test -json）";
        var threshold = $"failed ≤ {check.MaxFailed}{(check.FailOnFlaky ? ", flaky = 0" : "")}";
        if (Absent(check, e.Tests, TestsId, title, zh, threshold) is { } absent) return absent;
        var t = e.Tests!;
        var measured = $"{t.Passed} passed, {t.Failed} failed, {t.Skipped} skipped, {t.Flaky} flaky";
        var details = t.Tests.Where(x => x.Status is Testing.TestStatus.Failed or Testing.TestStatus.Flaky)
            .Select(x => $"{x.Status}: {x.Package} {x.Test}").ToList();
        var ok = t.Failed <= check.MaxFailed && (!check.FailOnFlaky || t.Flaky == 0);
        return new GateCheck(TestsId, title, zh, measured, threshold, Verdict(ok), details);
    }

    private static GateCheck Benchmarks(BenchmarksCheck check, GateEvidence e)
    {
        const string title = "Benchmark regressions (vs baseline)", zh = "基准性能回退（对比基线）";
        var threshold = $"≤ +{check.MaxRegression.ToString("0.#", Inv)}% (p ≤ {check.Alpha.ToString(Inv)})";
        if (Absent(check, e.Benchmarks, BenchmarksId, title, zh, threshold) is { } absent) return absent;
        var rows = e.Benchmarks!.Where(b => b.IsTime).ToList();
        var significant = rows.Where(r => r.Significant).ToList();
        var worst = significant.Count == 0 ? null : significant.MaxBy(r => r.WorsePercent);
        var measured = worst is null ? $"~ ({rows.Count} compared)" : $"{worst.Display} {worst.Name}";
        var regressions = significant.Where(r => r.WorsePercent > check.MaxRegression).ToList();
        var details = rows.Select(r => $"{r.Name} {r.Unit}: {Summary(r.Baseline)} → {Summary(r.Current)}  {r.Display} {r.Evidence}")
            .ToList();
        return new GateCheck(BenchmarksId, title, zh, measured, threshold, Verdict(regressions.Count == 0 && rows.Count > 0), details);
    }

    /// <summary>A benchstat summary cell: the median with its shortest round-trip digits, then "± x%".</summary>
    private static string Summary(Benchmarks.SampleSummary s) => $"{s.Median.ToString("R", Inv)} ± {s.RangeDisplay}";

    private static GateCheck? Absent(Check check, object? evidence, string id, string title, string zh, string threshold)
    {
        if (!check.Enabled) return new GateCheck(id, title, zh, "off", threshold, GateStatus.Skipped, ["switched off in the policy"]);
        if (evidence is not null) return null;
        return check.Required
            ? new GateCheck(id, title, zh, "no evidence", threshold, GateStatus.Missing, ["required evidence not found"])
            : new GateCheck(id, title, zh, "no evidence", threshold, GateStatus.Skipped, ["optional; no evidence given"]);
    }

    private static GateStatus Verdict(bool ok) => ok ? GateStatus.Pass : GateStatus.Fail;
}
