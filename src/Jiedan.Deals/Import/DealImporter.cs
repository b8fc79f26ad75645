using System.Text;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Deals;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Deals.Import;

/// <summary>
/// Imports deals and stage events from CSV or JSON. All or nothing: every row is checked first and any error means
/// nothing is written. Idempotent: an event already stored for the same external id, stage and instant is skipped,
/// so importing the same file twice changes nothing.
/// Existing deals are read without change tracking (a re-import then costs one read); the few that get new events are
/// read again, tracked, inside the transaction, and the already-checked rows replayed on them. New deals, the bulk of a
/// first import, are written by <see cref="DealBulkInsert"/> in the same transaction.
/// </summary>
public sealed class DealImporter(DealsDbContext db, PipelineSettings settings, TimeProvider clock)
{
    private readonly DealWriter _writer = new(settings);

    public DealImportLimits Limits { get; init; } = DealImportLimits.Default;

    public async Task<ImportResult> ImportAsync(string fileName, Stream content, string actor, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not ".csv" and not ".json")
            return Failed(0, [new ImportError(1, 1, "unsupported file type: expected .csv or .json")]);
        if (await ImportText.ReadAsync(content, Limits, errors, ct) is not { } utf8) return Failed(0, errors);
        var rows = extension == ".csv"
            ? CsvImportReader.Read(new StringReader(Encoding.UTF8.GetString(utf8)), errors, Limits)
            : JsonImportReader.Read(utf8, errors, Limits);
        foreach (var row in rows.Where(r => !settings.Stages.TryFind(r.Stage, out _)))
            errors.Add(new ImportError(row.Line, row.ColumnOf("stage"),
                $"unknown stage '{row.Stage}' (known: {settings.Stages.KnownKeys})"));
        if (errors.Count > 0) return Failed(rows.Count, errors);

        var byDeal = rows.GroupBy(r => r.ExternalId, StringComparer.Ordinal).ToList();
        // Which known deals the file brings anything new to is decided from a narrow read of their events; only those
        // are loaded in full (a re-import of the same file loads none).
        var stored = await LoadStoredEventsAsync(byDeal.Select(g => g.Key).ToList(), ct);
        var existing = await LoadExistingAsync(byDeal.Where(g => stored.TryGetValue(g.Key, out var known) && !g.All(r => IsPresent(known,
            r)))
            .Select(g => g.Key).ToList(), ct);
        var versionsRead = existing.ToDictionary(p => p.Key, p => p.Value.Version, StringComparer.Ordinal);
        var created = new List<DealRecord>();
        var appended = new Dictionary<string, List<ImportRow>>(StringComparer.Ordinal);
        int added = 0, present = 0;
        foreach (var group in byDeal)
        {
            if (stored.ContainsKey(group.Key) && !existing.ContainsKey(group.Key))
            {
                present += group.Count();
                continue;
            }
            if (!existing.TryGetValue(group.Key, out var deal))
            {
                var first = group.First();
                deal = _writer.NewDeal(new DealDraft(first.Client, first.Platform)
                {
                    ExternalId = first.ExternalId, Category = first.Category, Seniority = first.Seniority, Budget = first.Budget,
                }, clock.GetUtcNow());
                created.Add(deal);
            }
            foreach (var row in group)
            {
                if (IsPresent(deal.Events.Select(e => (e.ToStage, e.At)), row))
                {
                    present++;
                    continue;
                }
                if (_writer.Check(deal, row.Stage, row.At, row.LostReason) is { } problem)
                {
                    var column = problem.Field == "reason" ? "lost_reason" : problem.Field;
                    errors.Add(new ImportError(row.Line, row.ColumnOf(column), $"deal '{row.ExternalId}': {problem.Message}"));
                    break;
                }
                _writer.Apply(deal, row.Stage, row.At, actor, row.LostReason);
                if (deal.Id != 0) (appended.TryGetValue(group.Key, out var list) ? list : appended[group.Key] = []).Add(row);
                added++;
            }
        }
        if (errors.Count > 0) return Failed(rows.Count, errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (appended.Count > 0)
        {
            var tracked = await LoadExistingAsync([.. appended.Keys], ct, tracking: true);
            foreach (var (externalId, appendedRows) in appended)
            {
                var deal = tracked[externalId];
                // Checked against the version read first; a deal moved since then fails like a stale SaveChanges would.
                if (deal.Version != versionsRead[externalId])
                    throw new DbUpdateConcurrencyException($"deal '{externalId}' changed while it was being imported");
                foreach (var row in appendedRows) _writer.Apply(deal, row.Stage, row.At, actor, row.LostReason);
            }
            await db.SaveChangesAsync(ct);
        }
        await DealBulkInsert.InsertAsync(db, created, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new ImportResult(rows.Count, created.Count, added, present, []);
    }

    /// <summary>The same stage at the same instant (to the millisecond) is the same event.</summary>
    private static bool IsPresent(IEnumerable<(string ToStage, DateTime At)> events, ImportRow row)
    {
        var at = row.At.UtcDateTime;
        return events.Any(e => e.ToStage.Equals(row.Stage, StringComparison.OrdinalIgnoreCase)
            && Math.Abs((e.At - at).TotalMilliseconds) < 1);
    }

    private async Task<Dictionary<string,
        List<(string ToStage, DateTime At)>>> LoadStoredEventsAsync(List<string> externalIds, CancellationToken ct)
    {
        var found = new Dictionary<string, List<(string, DateTime)>>(StringComparer.Ordinal);
        foreach (var chunk in externalIds.Chunk(500))
        {
            var deals = await db.Deals.AsNoTracking().Where(d => d.ExternalId != null && chunk.Contains(d.ExternalId))
                .Select(d => new { d.ExternalId, Events = d.Events.Select(e => new { e.ToStage, e.At }).ToList() }).ToListAsync(ct);
            foreach (var d in deals) found[d.ExternalId!] = d.Events.Select(e => (e.ToStage, e.At)).ToList();
        }
        return found;
    }

    private async Task<Dictionary<string,
        DealRecord>> LoadExistingAsync(List<string> externalIds, CancellationToken ct, bool tracking = false)
    {
        var found = new Dictionary<string, DealRecord>(StringComparer.Ordinal);
        var source = tracking ? db.Deals.AsTracking() : db.Deals.AsNoTracking();
        foreach (var chunk in externalIds.Chunk(500))
        {
            var deals = await source.Where(d => d.ExternalId != null && chunk.Contains(d.ExternalId))
                .Include(d => d.Events).Include(d => d.Spans).AsSplitQuery().ToListAsync(ct);
            foreach (var d in deals) found[d.ExternalId!] = d;
        }
        return found;
    }

    private ImportResult Failed(int rows, List<ImportError> errors)
    {
        var sorted = errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        if (sorted.Count <= Limits.MaxErrors) return new(rows, 0, 0, 0, sorted);
        var rest = sorted[Limits.MaxErrors];
        var summary = rest with { Reason = $"… and {sorted.Count - Limits.MaxErrors} more error(s)" };
        return new(rows, 0, 0, 0, [.. sorted.Take(Limits.MaxErrors), summary]);
    }
}
