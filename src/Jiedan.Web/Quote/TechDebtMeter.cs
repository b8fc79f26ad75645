using Jiedan.Domain.Quote;

namespace Jiedan.Web.Quote;

/// <summary>Measures a repository's tech debt: markers in its counted source files, and a golangci-lint JSON report if given.</summary>
public static class TechDebtMeter
{
    /// <exception cref="FormatException">the lint report is not golangci-lint JSON.</exception>
    public static TechDebtRatio Measure(RepositoryScan scan, string? golangciLintJson, CancellationToken ct)
    {
        var markers = TechDebtRemediation.MarkerKinds.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        foreach (var file in scan.SourceFiles)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                foreach (var line in File.ReadLines(file)) TechDebtMarkers.AddLine(line, markers);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unreadable file inside the tree is skipped, as the line counter skips it.
            }
        }
        var findings = 0;
        if (golangciLintJson is not null)
        {
            using var stream = File.OpenRead(golangciLintJson);
            findings = GolangciLintReport.Parse(stream).Count;
        }
        return TechDebtRatio.Measure(new TechDebtMeasurement(scan.EffectiveLines, markers, findings));
    }
}
