using Jiedan.Domain.Deals;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Deals.Storage;

/// <summary>Creates, moves and reads deals. Every change is one transaction; events are only ever appended.</summary>
public sealed class DealStore(DealsDbContext db, PipelineSettings settings, TimeProvider clock)
{
    private readonly DealWriter _writer = new(settings);

    public async Task<MoveResult> CreateAsync(DealDraft draft, string? stage, DateTimeOffset? at, string actor, CancellationToken ct)
    {
        var when = at ?? clock.GetUtcNow();
        var first = stage ?? settings.Stages.First.Key;
        if (settings.Stages.CheckMove(null, first, null) is { } problem) return new MoveResult.Rejected(problem.Field, problem.Message);
        if (draft.ExternalId is { Length: > 0 } ext && await db.Deals.AnyAsync(d => d.ExternalId == ext, ct))
            return new MoveResult.Rejected("externalId", $"a deal with external id '{ext}' already exists");
        var deal = _writer.NewDeal(draft, when);
        _writer.Apply(deal, first, when, actor, null);
        db.Deals.Add(deal);
        await db.SaveChangesAsync(ct);
        return new MoveResult.Moved(deal);
    }

    public async Task<MoveResult> MoveAsync(long id, int? expectedVersion, string to, DateTimeOffset? at, string actor, string? reason,
        CancellationToken ct)
    {
        // On PostgreSQL, lock the deal row first so concurrent moves queue instead of deadlocking on the event index;
        // the next one in line then reads the new version and is told it is stale. SQLite has a single writer already.
        await using var tx = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(ct) : null;
        if (tx is not null) await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM deals WHERE \"Id\" = {id} FOR UPDATE", ct);
        var deal = await db.Deals.Include(d => d.Events).Include(d => d.Spans).AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deal is null) return new MoveResult.NotFound();
        if (expectedVersion is { } v && v != deal.Version) return new MoveResult.Stale(deal.Version);
        var when = at ?? clock.GetUtcNow();
        if (_writer.Check(deal, to, when, reason) is { } problem) return new MoveResult.Rejected(problem.Field, problem.Message);
        var seen = deal.Version;
        _writer.Apply(deal, to, when, actor, reason);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // A concurrent move got there first (version check, or the unique deal+sequence index): nothing was written.
            db.ChangeTracker.Clear();
            if (tx is not null) await tx.RollbackAsync(ct);
            var current = await db.Deals.AsNoTracking().Where(d => d.Id == id).Select(d => d.Version).FirstAsync(ct);
            if (current == seen && e is not DbUpdateConcurrencyException) throw;
            return new MoveResult.Stale(current);
        }
        if (tx is not null) await tx.CommitAsync(ct);
        return new MoveResult.Moved(deal);
    }

    public Task<DealRecord?> GetAsync(long id, CancellationToken ct) =>
        db.Deals.AsNoTracking().Include(d => d.Events.OrderBy(e => e.Seq)).FirstOrDefaultAsync(d => d.Id == id, ct);

    public async Task<IReadOnlyList<DealRecord>> ListAsync(DealQuery q, CancellationToken ct) =>
        await Filter(db.Deals.AsNoTracking(), q).OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id).Take(q.Limit)
            .ToListAsync(ct);

    public Task<bool> ExistsAsync(long id, CancellationToken ct) => db.Deals.AnyAsync(d => d.Id == id, ct);

    public static IQueryable<DealRecord> Filter(IQueryable<DealRecord> deals, DealQuery q)
    {
        if (q.Platform is not null) deals = deals.Where(d => d.Platform == q.Platform);
        if (q.Category is not null) deals = deals.Where(d => d.Category == q.Category);
        if (q.Seniority is not null) deals = deals.Where(d => d.Seniority == q.Seniority);
        if (q.Stage is not null) deals = deals.Where(d => d.Stage == q.Stage);
        if (q.From is { } from) deals = deals.Where(d => d.LeadDay >= from.DayNumber);
        if (q.To is { } to) deals = deals.Where(d => d.LeadDay < to.DayNumber);
        if (!string.IsNullOrWhiteSpace(q.Search)) deals =
            deals.Where(d => d.Client.Contains(q.Search) || (d.ExternalId != null && d.ExternalId.Contains(q.Search)));
        if (!string.IsNullOrWhiteSpace(q.Tag)) deals = deals.Where(d => ("," + d.Tags + ",").Contains("," + q.Tag + ","));
        return deals;
    }
}
