namespace Jiedan.Domain.Quote;

/// <summary>
/// Tech-debt ratio in the SQALE sense: the minutes it would take to fix what is known to be wrong, over the minutes it
/// took to write the code, in percent. Development effort is <see cref="DevelopmentMinutesPerLine"/> minutes per
/// effective line (SonarQube's default); remediation is priced per marker and per lint finding in
/// <see cref="TechDebtRemediation"/>.
/// </summary>
public sealed record TechDebtRatio(decimal Percent, TechDebtMeasurement? Measurement)
{
    public const int DevelopmentMinutesPerLine = 30;
    public const decimal MaxPercent = 100m;

    public static TechDebtRatio None { get; } = new(0m, null);

    /// <exception cref="ArgumentOutOfRangeException">the percentage is negative or above 100.</exception>
    public static TechDebtRatio Given(decimal percent)
    {
        if (percent < 0 || percent > MaxPercent)
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "a tech-debt ratio is between 0 and 100 %");
        return new TechDebtRatio(percent, null);
    }

    public static TechDebtRatio Measure(TechDebtMeasurement m)
    {
        var development = m.EffectiveLines * (decimal)DevelopmentMinutesPerLine;
        var percent = development == 0
            ? 0m : Math.Min(MaxPercent, Math.Round(m.RemediationMinutes * 100m / development, 2, MidpointRounding.AwayFromZero));
        return new TechDebtRatio(percent, m);
    }
}

/// <summary>What was found in a repository: markers by kind, lint findings, and the code they sit in.</summary>
public sealed record TechDebtMeasurement(long EffectiveLines, IReadOnlyDictionary<string, int> Markers, int LintFindings)
{
    public decimal RemediationMinutes =>
        Markers.Sum(m => m.Value * (decimal)TechDebtRemediation.MinutesPerMarker(m.Key))
            + LintFindings * (decimal)TechDebtRemediation.MinutesPerLintFinding;

    public decimal DevelopmentMinutes => EffectiveLines * (decimal)TechDebtRatio.DevelopmentMinutesPerLine;
}

/// <summary>
/// Remediation minutes per finding. A TODO is usually a small known gap, a FIXME a known bug, a HACK or XXX a
/// shortcut that has to be redone; a lint finding costs what SonarQube charges a typical code smell plus reading time.
/// </summary>
public static class TechDebtRemediation
{
    public static readonly IReadOnlyList<string> MarkerKinds = ["TODO", "FIXME", "HACK", "XXX"];
    public const int MinutesPerLintFinding = 10;

    public static int MinutesPerMarker(string kind) => kind switch
    {
        "TODO" => 15,
        "FIXME" => 30,
        "HACK" => 60,
        "XXX" => 30,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a debt marker"),
    };
}
