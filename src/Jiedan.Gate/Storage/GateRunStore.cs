using Jiedan.Deals.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Gate.Storage;

/// <summary>A gate run as listed on a deal: everything but the report bodies.</summary>
public sealed record GateRunSummary(long Id, long DealId, DateTime CreatedAtUtc, bool Passed, int Checks, int Blocking,
    string EvidenceSha256, string Project, bool HasPdf);

/// <summary>Stores gate runs on deals and reads them back; a run can only be attached to a deal that exists.</summary>
public sealed class GateRunStore(GateDbContext gate, DealsDbContext deals)
{
    public Task<bool> DealExistsAsync(long dealId, CancellationToken ct) => deals.Deals.AnyAsync(d => d.Id == dealId, ct);

    /// <summary>Adds the run; returns null (and stores nothing) when the deal does not exist.</summary>
    public async Task<GateRunRecord?> AddAsync(GateRunRecord run, CancellationToken ct)
    {
        if (!await DealExistsAsync(run.DealId, ct)) return null;
        gate.Runs.Add(run);
        await gate.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>Newest first; null when the deal does not exist.</summary>
    public async Task<List<GateRunSummary>?> ListAsync(long dealId, CancellationToken ct)
    {
        if (!await DealExistsAsync(dealId, ct)) return null;
        var runs = await gate.Runs.AsNoTracking().Where(r => r.DealId == dealId)
            .Select(r => new GateRunSummary(r.Id, r.DealId, r.CreatedAtUtc, r.Passed, r.Checks, r.Blocking, r.EvidenceSha256, r.Project,
                r.ReportPdf != null))
            .ToListAsync(ct);
        return runs.OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id).ToList();
    }

    /// <summary>The newest <paramref name="max"/> runs across every deal, newest first, with each deal's client.</summary>
    public async Task<List<(GateRunSummary Run, string? Client)>> RecentAsync(int max, CancellationToken ct)
    {
        var runs = await gate.Runs.AsNoTracking().OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id).Take(max)
            .Select(r => new GateRunSummary(r.Id, r.DealId, r.CreatedAtUtc, r.Passed, r.Checks, r.Blocking, r.EvidenceSha256, r.Project,
                r.ReportPdf != null))
            .ToListAsync(ct);
        var ids = runs.Select(r => r.DealId).Distinct().ToList();
        var clients = await deals.Deals.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Client })
            .ToDictionaryAsync(d => d.Id, d => d.Client, ct);
        return runs.Select(r => (r, clients.GetValueOrDefault(r.DealId))).ToList();
    }

    public Task<GateRunRecord?> GetAsync(long dealId, long runId, CancellationToken ct) =>
        gate.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.DealId == dealId && r.Id == runId, ct);

    public Task<bool> ProjectHasRunsAsync(string project, CancellationToken ct) => gate.Runs.AnyAsync(r => r.Project == project, ct);

    /// <summary>The projects gate runs were made on, with their run counts, by name.</summary>
    public async Task<List<(string Project, int Runs)>> ProjectsAsync(CancellationToken ct) =>
        (await gate.Runs.AsNoTracking().GroupBy(r => r.Project).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .Select(p => (p.Key, p.Count)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();

    /// <summary>The newest <paramref name="max"/> runs of a project, oldest first: when, verdict and gate.json.</summary>
    public async Task<List<(DateTime AtUtc, bool Passed, string ChecklistJson)>> ChecklistsOfProjectAsync(string project, int max,
        CancellationToken ct)
    {
        var runs = await gate.Runs.AsNoTracking().Where(r => r.Project == project)
            .OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id).Take(max)
            .Select(r => new { r.CreatedAtUtc, r.Passed, r.ChecklistJson }).ToListAsync(ct);
        return runs.Select(r => (r.CreatedAtUtc, r.Passed, r.ChecklistJson)).Reverse().ToList();
    }
}
