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

    public Task<GateRunRecord?> GetAsync(long dealId, long runId, CancellationToken ct) =>
        gate.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.DealId == dealId && r.Id == runId, ct);
}
