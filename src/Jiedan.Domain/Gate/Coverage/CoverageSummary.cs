namespace Jiedan.Domain.Gate.Coverage;

/// <summary>Statements (or lines, for formats that only count lines) in one package and how many ran.</summary>
public sealed record PackageCoverage(string Package, long Statements, long Covered)
{
    public double Percent => CoveragePercent.Of(Covered, Statements);
}

/// <summary>Coverage totals from one or more reports of the same format, with a per-package breakdown.</summary>
public sealed record CoverageSummary(string Format, long Statements, long Covered, IReadOnlyList<PackageCoverage> Packages)
{
    public double Percent => CoveragePercent.Of(Covered, Statements);

    /// <summary>The total as <c>go tool cover -func</c> prints it, e.g. <c>63.6%</c>.</summary>
    public string Display => CoveragePercent.Format(Covered, Statements);
}
