using Jiedan.Credibility.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Credibility.Storage;

/// <summary>Saves audits and reads them back per repository.</summary>
public sealed class AuditStore(AuditDbContext db, TimeProvider clock)
{
    public async Task<RepositoryAuditRecord> SaveAsync(AuditReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        var runs = report.CiRuns is { Problem: null } r ? r : null;
        var record = new RepositoryAuditRecord
        {
            Repository = report.Repository.Length > RepositoryAuditRecord.MaxRepositoryLength
                ? report.Repository[..RepositoryAuditRecord.MaxRepositoryLength] : report.Repository,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Score = report.Score.Score,
            ChecksJson = AuditJson.Checks(report.Score.Checks),
            CiSuccessful = runs?.Successful,
            CiCompleted = runs?.Completed,
        };
        db.Audits.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }

    public Task<RepositoryAuditRecord?> LatestAsync(string repository, CancellationToken ct) =>
        Newest(db.Audits.AsNoTracking().Where(a => a.Repository == repository)).FirstOrDefaultAsync(ct);

    /// <summary>The newest audit of <paramref name="repository"/> that counted its CI runs through the Actions API.</summary>
    public Task<RepositoryAuditRecord?> LatestWithCiAsync(string repository, CancellationToken ct) =>
        Newest(db.Audits.AsNoTracking().Where(a => a.Repository == repository && a.CiCompleted != null)).FirstOrDefaultAsync(ct);

    /// <summary>Newest first; every repository when <paramref name="repository"/> is null.</summary>
    public Task<List<RepositoryAuditRecord>> HistoryAsync(string? repository, int max, CancellationToken ct)
    {
        var audits = db.Audits.AsNoTracking();
        if (repository is not null) audits = audits.Where(a => a.Repository == repository);
        return Newest(audits).Take(max).ToListAsync(ct);
    }

    private static IQueryable<RepositoryAuditRecord> Newest(IQueryable<RepositoryAuditRecord> audits) =>
        audits.OrderByDescending(a => a.CreatedAtUtc).ThenByDescending(a => a.Id);
}
