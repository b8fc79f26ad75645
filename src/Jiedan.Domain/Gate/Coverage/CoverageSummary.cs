namespace Jiedan.Domain.Gate.Coverage;

/// <summary>Statements (or lines, for formats that only count lines) in one package and how many ran.</summary>
public sealed record PackageCoverage(string Package, long Statements, long Covered)
{
    public double Percent => CoveragePercent.Of(Covered, Statements);

    /// <summary>As <c>go test -cover</c> prints it for the package: every statement of the package counts.</summary>
    public string Display => CoveragePercent.Format(Covered, Statements);
}

/// <summary>Statements and how many of them ran.</summary>
public readonly record struct StatementCount(long Statements, long Covered)
{
    public double Percent => CoveragePercent.Of(Covered, Statements);
    public string Display => CoveragePercent.Format(Covered, Statements);
}

/// <summary>
/// Coverage totals from one or more reports of the same format, with a per-package breakdown. For Go there are two
/// totals: <see cref="Statements"/>/<see cref="Covered"/> count every block of the profile (what <c>go test -cover</c>
/// counts per package), <see cref="InFunctions"/> only blocks inside function declarations (what <c>go tool cover
/// -func</c> prints as "total:"); they differ when a package has function literals outside any function
/// (<c>var f = func() {…}</c>). The threshold uses <see cref="Percent"/>: the -func total when the sources were read.
/// </summary>
public sealed record CoverageSummary(string Format, long Statements, long Covered, IReadOnlyList<PackageCoverage> Packages)
{
    /// <summary>The <c>go tool cover -func</c> total; null when the Go sources were not read (or not Go).</summary>
    public StatementCount? InFunctions { get; init; }

    public StatementCount AllStatements => new(Statements, Covered);

    public double Percent => (InFunctions ?? AllStatements).Percent;

    /// <summary>The total the threshold checks, e.g. <c>63.6%</c>, printed as Go prints it.</summary>
    public string Display => (InFunctions ?? AllStatements).Display;
}
