using Jiedan.Domain.Quote;
using Jiedan.Files;
using Jiedan.Loc;

namespace Jiedan.Quote.Services;

/// <summary>
/// Measures a repository's tech debt: markers in its counted source files, and a golangci-lint JSON report if given.
/// Only regular files are read, each up to a cap (a file swapped for a FIFO after the count cannot hang the quote).
/// </summary>
public static class TechDebtMeter
{
    public const long MaxLintReportBytes = 64L << 20;

    /// <exception cref="FormatException">the lint report is not golangci-lint JSON.</exception>
    public static TechDebtRatio Measure(RepositoryScan scan, string? golangciLintJson, CancellationToken ct)
    {
        var markers = TechDebtRemediation.MarkerKinds.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        foreach (var file in scan.SourceFiles)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                using var reader = RegularFile.OpenText(file, LocOptions.DefaultMaxFileBytes);
                while (reader.ReadLine() is { } line) TechDebtMarkers.AddLine(line, markers);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unreadable file inside the tree is skipped, as the line counter skips it.
            }
        }
        var findings = 0;
        if (golangciLintJson is not null)
        {
            // The path is resolved and confined already: a last component swapped for a link since is refused.
            using var stream = RegularFile.OpenRead(golangciLintJson, MaxLintReportBytes, followLinks: false);
            findings = GolangciLintReport.Parse(stream).Count;
        }
        return TechDebtRatio.Measure(new TechDebtMeasurement(scan.EffectiveLines, markers, findings));
    }
}
