using Jiedan.Credibility.Storage;
using Jiedan.Domain.Credibility.Trust;
using Jiedan.Gate.Reports;
using Jiedan.Gate.Storage;

namespace Jiedan.Credibility.Trust;

/// <summary>A published trust page with the figures it shows.</summary>
public sealed record TrustPageView(TrustPageRecord Page, TrustHistory History, CiPassRate? Ci);

/// <summary>Builds a published page's view from its project's gate runs (the newest <see cref="MaxRuns"/>).</summary>
public sealed class TrustPageReader(TrustPageStore pages, GateRunStore gate, AuditStore audits)
{
    public const int MaxRuns = 100;

    /// <summary>Null when no page is published at <paramref name="slug"/>.</summary>
    public async Task<TrustPageView?> ReadAsync(string slug, CancellationToken ct)
    {
        if (!TrustSlug.IsValid(slug)) return null;
        var page = await pages.FindAsync(slug, ct);
        if (page is null) return null;
        var runs = await gate.ChecklistsOfProjectAsync(page.Project, MaxRuns, ct);
        var figures = runs.Select(r => Figures(r.AtUtc, r.Passed, r.ChecklistJson)).OfType<GateRunFigures>();
        return new TrustPageView(page, TrustHistory.From(figures), await CiAsync(page.Repository, ct));
    }

    /// <summary>The CI pass rate of the repository's newest audit that read the Actions API; null when none did.</summary>
    private async Task<CiPassRate?> CiAsync(string? repository, CancellationToken ct) =>
        repository is not null && await audits.LatestWithCiAsync(repository, ct) is { CiSuccessful: { } ok, CiCompleted: { } all } a
            ? new CiPassRate(ok, all, a.CreatedAtUtc)
            : null;

    /// <summary>The public figures of one stored gate.json; null when it cannot be read (skipped, never shown half).</summary>
    public static GateRunFigures? Figures(DateTime atUtc, bool passed, string checklistJson)
    {
        if (checklistJson.Length > MaxChecklistChars || GateJson.Parse(checklistJson) is not { } doc) return null;
        var packages = doc.CoverageByPackage ?? [];
        var statements = packages.Sum(p => p.Statements);
        double? coverage = statements > 0 ? Math.Round(100.0 * packages.Sum(p => p.Covered) / statements, 1) : null;
        return new GateRunFigures(atUtc, passed, coverage,
            [.. (doc.Benchmarks ?? []).Select(b => new BenchmarkFigure(b.Name, b.Unit, b.CurrentMedian))],
            [.. (doc.Checks ?? []).Select(c => new ChecklistLine(c.Id, c.Title, c.TitleZh, c.Measured, c.Threshold,
                c.Status.ToString().ToLowerInvariant()))]);
    }

    private const int MaxChecklistChars = 4 * 1024 * 1024;
}
