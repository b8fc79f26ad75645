using Jiedan.Domain.Deals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jiedan.Deals.Storage;

/// <summary>Creates, moves, edits and reads deals. Every change is one transaction; events are only ever appended.</summary>
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
        await using var tx = await LockAsync(id, ct);
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

    /// <summary>
    /// Edits a deal's attributes: <paramref name="edit"/> turns the current ones into the new ones, or into errors keyed by
    /// field. The deal, the analytics copies on all its spans and one audit row per changed field are saved together; an
    /// edit that changes nothing writes nothing.
    /// </summary>
    public async Task<UpdateResult> UpdateAsync(long id, int? expectedVersion,
        Func<DealDraft, (DealDraft? Draft, Dictionary<string, string[]> Errors)> edit, string actor, CancellationToken ct)
    {
        await using var tx = await LockAsync(id, ct);
        var deal = await db.Deals.Include(d => d.Spans).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deal is null) return new UpdateResult.NotFound();
        if (expectedVersion is { } v && v != deal.Version) return new UpdateResult.Stale(deal.Version);
        var before = DealWriter.DraftOf(deal);
        var (after, errors) = edit(before);
        if (after is null) return new UpdateResult.Invalid(errors);
        var changes = DealEdit.Changes(before, after);
        if (changes.Count == 0) return new UpdateResult.Updated(deal, changes);
        var now = clock.GetUtcNow();
        _writer.Edit(deal, after, now);
        db.DealChanges.AddRange(changes.Select(c => new DealChangeRecord
        {
            DealId = id, At = now.UtcDateTime, Actor = actor, Field = c.Field, OldValue = c.OldValue, NewValue = c.NewValue,
        }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another writer changed the deal between our read and write (SQLite, no row lock): nothing was written.
            db.ChangeTracker.Clear();
            if (tx is not null) await tx.RollbackAsync(ct);
            return new UpdateResult.Stale(await db.Deals.AsNoTracking().Where(d => d.Id == id).Select(d => d.Version).FirstAsync(ct));
        }
        if (tx is not null) await tx.CommitAsync(ct);
        return new UpdateResult.Updated(deal, changes);
    }

    /// <summary>The deal's audit trail, newest first.</summary>
    public async Task<IReadOnlyList<DealChangeRecord>> ChangesAsync(long id, CancellationToken ct) =>
        await db.DealChanges.AsNoTracking().Where(c => c.DealId == id).OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .ToListAsync(ct);

    /// <summary>
    /// On PostgreSQL, locks the deal row first so concurrent writers queue instead of deadlocking on the event index; the
    /// next one in line then reads the new version and is told it is stale. SQLite has a single writer already (null).
    /// </summary>
    private async Task<IDbContextTransaction?> LockAsync(long id, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return null;
        var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM deals WHERE \"Id\" = {id} FOR UPDATE", ct);
        return tx;
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
