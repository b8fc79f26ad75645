using Jiedan.Contract.Storage;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Contract;
using Jiedan.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Contract.Services;

/// <summary>A stored requirement version, as the CLI, API and pages show it.</summary>
public sealed record RequirementVersion(long DealId, int Number, string Service, string ServiceVersion, string YamlText,
    DateTime CreatedAtUtc, string CreatedBy);

/// <summary>The requirement of a deal and its history: each save is a new version, numbered per deal; nothing is overwritten.</summary>
public sealed class RequirementStore(ContractDbContext db, DealsDbContext deals, TimeProvider clock)
{
    private const int Attempts = 3;

    public Task<bool> DealExistsAsync(long dealId, CancellationToken ct) => deals.Deals.AnyAsync(d => d.Id == dealId, ct);

    /// <summary>Stores <paramref name="yaml"/> (already read into <paramref name="requirement"/>) as the deal's next version.</summary>
    public async Task<RequirementVersion> AddAsync(long dealId, string yaml, RequirementDocument requirement, string createdBy,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var last = await db.RequirementVersions.Where(r => r.DealId == dealId).MaxAsync(r => (int?)r.Number, ct) ?? 0;
            var record = new RequirementVersionRecord
            {
                DealId = dealId,
                Number = last + 1,
                Service = requirement.Service,
                ServiceVersion = requirement.Version,
                YamlText = yaml,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                CreatedBy = createdBy.Length > 200 ? createdBy[..200] : createdBy,
            };
            db.RequirementVersions.Add(record);
            try
            {
                await db.SaveChangesAsync(ct);
                return View(record);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another save took the same number (the unique index refused this one): number it again.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<RequirementVersion?> LatestAsync(long dealId, CancellationToken ct)
    {
        var record = await db.RequirementVersions.AsNoTracking().Where(r => r.DealId == dealId)
            .OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        return record is null ? null : View(record);
    }

    /// <summary>The latest version, or version <paramref name="number"/>; null when there is none.</summary>
    public async Task<RequirementVersion?> FindAsync(long dealId, int? number, CancellationToken ct)
    {
        if (number is null) return await LatestAsync(dealId, ct);
        var record = await db.RequirementVersions.AsNoTracking()
            .FirstOrDefaultAsync(r => r.DealId == dealId && r.Number == number, ct);
        return record is null ? null : View(record);
    }

    /// <summary>Every version of the deal's requirement, newest first.</summary>
    public async Task<IReadOnlyList<RequirementVersion>> HistoryAsync(long dealId, CancellationToken ct)
    {
        var records = await db.RequirementVersions.AsNoTracking().Where(r => r.DealId == dealId)
            .OrderByDescending(r => r.Number).ToListAsync(ct);
        return [.. records.Select(View)];
    }

    /// <summary>The latest version of each deal that has one, most recently saved first, a page at a time.</summary>
    public async Task<IReadOnlyList<RequirementVersion>> LatestPerDealAsync(int skip, int take, CancellationToken ct)
    {
        var page = await db.RequirementVersions.AsNoTracking().GroupBy(r => r.DealId)
            .Select(g => new { DealId = g.Key, Number = g.Max(r => r.Number), Id = g.Max(r => r.Id) })
            .OrderByDescending(g => g.Id).ThenByDescending(g => g.DealId).Skip(skip).Take(take).ToListAsync(ct);
        var ids = page.Select(p => p.DealId).ToList();
        var records = await db.RequirementVersions.AsNoTracking().Where(r => ids.Contains(r.DealId)).ToListAsync(ct);
        return [.. page.Select(p => View(records.First(r => r.DealId == p.DealId && r.Number == p.Number)))];
    }

    public Task<int> DealsWithRequirementAsync(CancellationToken ct) =>
        db.RequirementVersions.Select(r => r.DealId).Distinct().CountAsync(ct);

    private static RequirementVersion View(RequirementVersionRecord r) =>
        new(r.DealId, r.Number, r.Service, r.ServiceVersion, r.YamlText, r.CreatedAtUtc.AsUtc(), r.CreatedBy);
}
