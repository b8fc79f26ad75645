using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.Checklist;
using Jiedan.Domain.Gate.Coverage;
using Jiedan.Domain.Gate.Findings;
using Jiedan.Domain.Gate.GoModules;
using Jiedan.Domain.Gate.Policy;

namespace Jiedan.Domain.Tests.Gate;

public sealed class PolicyAndChecklistTests
{
    [Fact]
    public void Defaults_are_the_seed_thresholds()
    {
        var p = GatePolicyReader.Parse(new StringReader(""), "jiedan.gate.yml");
        Assert.Equal((80.0, 0L, 95.0, 15, ">=1.20.0, <1.23.0"),
            (p.Coverage.Min, p.Vulnerabilities.MaxHigh, p.ApiDocs.Min, p.Complexity.Max, p.GoVersion.Constraint));
    }

    [Fact]
    public void Each_check_can_be_switched_off_or_get_its_own_threshold()
    {
        var p = GatePolicyReader.Parse(new StringReader("""
            version: 1
            coverage:
              min: 70
              profiles: [cover.out, "*.coverprofile"]
            apiDocs:
              enabled: false
            goVersion:
              constraint: "~1.22"
            benchmarks:
              baseline: bench/old.txt
              current: bench/new.txt
              maxRegression: 5
            """), "jiedan.gate.yml");
        Assert.Equal(70, p.Coverage.Min);
        Assert.Equal(["cover.out", "*.coverprofile"], p.Coverage.Profiles);
        Assert.False(p.ApiDocs.Enabled);
        Assert.Equal(5, p.Benchmarks.MaxRegression);
    }

    [Theory]
    [InlineData("coverage:\n  minimum: 80\n", 2)]
    [InlineData("coverage:\n  min: lots\n", 2)]
    public void Unknown_keys_and_wrong_types_name_the_line(string yaml, long line)
    {
        var e = Assert.Throws<GateInputException>(() => GatePolicyReader.Parse(new StringReader(yaml), "jiedan.gate.yml"));
        Assert.Equal(line, e.Line);
    }

    [Theory]
    [InlineData("coverage:\n  min: 120\n", "coverage.min")]
    [InlineData("goVersion:\n  constraint: '>= banana'\n", "goVersion.constraint")]
    public void Out_of_range_values_name_the_field(string yaml, string field)
    {
        var e = Assert.Throws<GateInputException>(() => GatePolicyReader.Parse(new StringReader(yaml), "jiedan.gate.yml"));
        Assert.StartsWith(field, e.Problem);
    }

    [Fact]
    public void The_checklist_passes_only_when_every_required_check_passes()
    {
        var findings = new FindingSummary();
        findings.Add(new Finding("gosec", "G104", Severity.Medium, "unhandled", "a.go", 1));
        var evidence = new GateEvidence
        {
            Coverage = new CoverageSummary("go", 100, 85, []),
            Findings = findings,
            GoMod = new GoModFile("x", "1.21", null),
            ApiDocs = new Jiedan.Domain.Gate.ApiDocs.ApiDocsReport("OpenApi3_0", [new("GET", "/a", true, true, true)], []),
            Complexity = new Jiedan.Domain.Gate.Complexity.ComplexityReport([new(9, "p", "F", "p/f.go:1:1")]),
        };
        var passing = GateEvaluator.Evaluate(GatePolicy.Defaults, evidence);
        Assert.True(passing.Passed, string.Join("; ", passing.Checks.Select(c => $"{c.Id} {c.Status}")));
        Assert.Equal(GateStatus.Skipped, passing.Checks.Single(c => c.Id == GateEvaluator.TestsId).Status);

        var failing = GateEvaluator.Evaluate(GatePolicy.Defaults, evidence with { GoMod = new GoModFile("x", "1.19", null) });
        Assert.False(failing.Passed);
        Assert.Equal(GateStatus.Fail, failing.Checks.Single(c => c.Id == GateEvaluator.GoVersionId).Status);

        var missing = GateEvaluator.Evaluate(GatePolicy.Defaults, evidence with { Coverage = null });
        Assert.Equal(GateStatus.Missing, missing.Checks.Single(c => c.Id == GateEvaluator.CoverageId).Status);
        Assert.False(missing.Passed);
    }
}
