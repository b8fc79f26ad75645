using Jiedan.Domain.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Incidents.Storage;

/// <summary>
/// The dashboard's edits to the knowledge graph: an entry added, changed or deleted, with its path. A title names the
/// fix node and the incidents it fixed, so it is fixed once the entry exists; a changed path keeps the recorded fixes
/// of the edges it still uses.
/// </summary>
public sealed class KnowledgeEditor(IDbContextFactory<IncidentsDbContext> contexts, TimeProvider time)
{
    public enum Outcome { Saved, NotFound, TitleTaken }

    public sealed record EntryRow(long Id, string Title, string Source, string Component, string ConfigurationItem, string Patch);

    /// <summary>Entries whose title, component, configuration item or patch contains <paramref name="search"/>, by title.</summary>
    public async Task<(IReadOnlyList<EntryRow> Rows, int Total)> ListAsync(string? search, int take, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Entries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            query = query.Where(e => e.Title.Contains(s) || e.Component.Contains(s) || e.ConfigurationItem.Contains(s)
                || e.Patch.Contains(s));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(e => e.Title).Take(take)
            .Select(e => new EntryRow(e.Id, e.Title, e.Source, e.Component, e.ConfigurationItem, e.Patch)).ToListAsync(ct);
        return (rows, total);
    }

    public async Task<KnowledgeEntry?> FindAsync(long id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is { } r ? KnowledgeStore.ToDomain(r) : null;
    }

    /// <summary>Adds <paramref name="entry"/> (no <paramref name="id"/>) or replaces entry <paramref name="id"/> but its title.</summary>
    public async Task<(Outcome Outcome, long Id)> SaveAsync(long? id, KnowledgeEntry entry, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        KbEntryRecord record;
        if (id is { } existing)
        {
            if (await db.Entries.FirstOrDefaultAsync(e => e.Id == existing, ct) is not { } found) return (Outcome.NotFound, 0);
            record = found;
            entry = entry with { Title = record.Title, Source = record.Source, Line = record.Line };
        }
        else
        {
            if (await db.Entries.AnyAsync(e => e.Title == entry.Title, ct)) return (Outcome.TitleTaken, 0);
            db.Entries.Add(record = new KbEntryRecord { Title = entry.Title, Source = entry.Source });
        }
        KnowledgeStore.Copy(entry, record, time.GetUtcNow().UtcDateTime);
        var graph = new GraphWriter(db);
        await graph.AddPathsAsync([entry], ct);
        await db.SaveChangesAsync(ct);
        await graph.KeepOnlyPathIntoFixAsync(entry, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (Outcome.Saved, record.Id);
    }

    /// <summary>Deletes the entry and its fix node with the edges into it; incidents keep the title they were fixed by.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Entries.FirstOrDefaultAsync(e => e.Id == id, ct) is not { } record) return false;
        db.Entries.Remove(record);
        await new GraphWriter(db).RemoveFixAsync(record.Title, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
