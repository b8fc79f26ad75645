namespace Jiedan.Domain.Gate.Findings;

/// <summary>One scale for every tool's findings; the vulnerability check counts High and Critical.</summary>
public enum Severity { None, Low, Medium, High, Critical }

/// <summary>How each report format's own levels map onto <see cref="Severity"/> (documented in docs/gate.md).</summary>
public static class SeverityMapping
{
    /// <summary>GitHub's <c>security-severity</c> (a CVSS score as text) when a SARIF rule carries one.</summary>
    public static Severity FromSecuritySeverity(double score) => score switch
    {
        >= 9.0 => Severity.Critical,
        >= 7.0 => Severity.High,
        >= 4.0 => Severity.Medium,
        > 0.0 => Severity.Low,
        _ => Severity.None,
    };

    /// <summary>SARIF <c>level</c>: error → High, warning → Medium, note → Low, none → None.</summary>
    public static Severity FromSarifLevel(string level) => level switch
    {
        "error" => Severity.High,
        "warning" => Severity.Medium,
        "note" => Severity.Low,
        _ => Severity.None,
    };

    /// <summary>gosec: HIGH/MEDIUM/LOW as written.</summary>
    public static Severity FromGosec(string? severity) => severity?.ToUpperInvariant() switch
    {
        "HIGH" => Severity.High,
        "MEDIUM" => Severity.Medium,
        "LOW" => Severity.Low,
        _ => Severity.Medium,
    };

    /// <summary>golangci-lint: its optional <c>Severity</c> field; issues without one are Medium.</summary>
    public static Severity FromGolangci(string? severity) => severity?.ToLowerInvariant() switch
    {
        "critical" or "blocker" => Severity.Critical,
        "error" or "high" or "major" => Severity.High,
        "warning" or "medium" => Severity.Medium,
        "info" or "low" or "minor" or "note" => Severity.Low,
        _ => Severity.Medium,
    };
}
