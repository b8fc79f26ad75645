namespace Jiedan.Domain.Gate.Policy;

/// <summary>
/// The delivery gate's policy (<c>jiedan.gate.yml</c> in the delivered project). Every check can be switched off
/// (<c>enabled: false</c>) or given its own threshold; paths are relative to the project directory and may use
/// <c>*</c> in the file name. An empty path list means "find by convention" (see docs/gate.md).
/// A required check whose evidence is missing fails the gate; an optional one is skipped.
/// </summary>
public sealed class GatePolicy
{
    public int Version { get; set; } = 1;
    public CoverageCheck Coverage { get; set; } = new();
    public VulnerabilityCheck Vulnerabilities { get; set; } = new();
    public ApiDocsCheck ApiDocs { get; set; } = new();
    public ComplexityCheck Complexity { get; set; } = new();
    public GoVersionCheck GoVersion { get; set; } = new();
    public TestsCheck Tests { get; set; } = new();
    public BenchmarksCheck Benchmarks { get; set; } = new();

    /// <summary>The seed defaults: coverage ≥ 80%, high vulnerabilities = 0, API docs ≥ 95%, complexity ≤ 15, Go &gt;=1.20.0,
    /// &lt;1.23.0.</summary>
    public static GatePolicy Defaults => new();
}

public abstract class Check
{
    public bool Enabled { get; set; } = true;
    public bool Required { get; set; } = true;
}

public sealed class CoverageCheck : Check
{
    /// <summary>Minimum statement coverage in percent.</summary>
    public double Min { get; set; } = 80;
    public List<string> Profiles { get; set; } = [];
    public List<string> Cobertura { get; set; } = [];
    public List<string> Lcov { get; set; } = [];
}

public sealed class VulnerabilityCheck : Check
{
    /// <summary>Most findings of severity high or critical allowed.</summary>
    public long MaxHigh { get; set; }
    public List<string> Gosec { get; set; } = [];
    public List<string> Sarif { get; set; } = [];
    public List<string> Golangci { get; set; } = [];
}

public sealed class ApiDocsCheck : Check
{
    /// <summary>Minimum share of fully documented operations, in percent.</summary>
    public double Min { get; set; } = 95;
    public string? Openapi { get; set; }
    /// <summary>Optional list of served routes; any route missing from the document fails the check.</summary>
    public string? Routes { get; set; }
}

public sealed class ComplexityCheck : Check
{
    /// <summary>Highest cyclomatic complexity allowed for any function.</summary>
    public int Max { get; set; } = 15;
    public string? Report { get; set; }
}

public sealed class GoVersionCheck : Check
{
    public string Constraint { get; set; } = ">=1.20.0, <1.23.0";
    public string? Gomod { get; set; }
}

public sealed class TestsCheck : Check
{
    public TestsCheck() => Required = false;
    public string? Report { get; set; }
    public int MaxFailed { get; set; }
    public bool FailOnFlaky { get; set; }
}

public sealed class BenchmarksCheck : Check
{
    public BenchmarksCheck() => Required = false;
    public string? Baseline { get; set; }
    public string? Current { get; set; }
    /// <summary>Largest significant slow-down of any benchmark's time per op, in percent.</summary>
    public double MaxRegression { get; set; } = 10;
    public double Alpha { get; set; } = 0.05;
}
