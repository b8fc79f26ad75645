using Jiedan.Data.Pipeline;
using Jiedan.Domain.Deals;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Data.Deals.Import;

/// <summary>
/// Imports deals and stage events from CSV or JSON. All or nothing: every row is checked first and any error means
/// nothing is written. Idempotent: an event already stored for the same external id, stage and instant is skipped,
/// so importing the same file twice changes nothing.
/// </summary>
public sealed class DealImporter(DealsDbContext db, PipelineSettings settings, TimeProvider clock)
{
    private readonly DealWriter _writer = new(settings);

    public async Task<ImportResult> ImportAsync(string fileName, Stream content, string actor, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var rows = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => CsvImportReader.Read(new StreamReader(content), errors),
            ".json" => JsonImportReader.Read(await ReadAllAsync(content, ct), errors),
            _ => Fail(errors, "unsupported file type: expected .csv or .json"),
        };
        foreach (var row in rows.Where(r => !settings.Stages.TryFind(r.Stage, out _)))
            errors.Add(new ImportError(row.Line, row.ColumnOf("stage"), $"unknown stage '{row.Stage}' (known: {settings.Stages.KnownKeys})"));
        if (errors.Count > 0) return Failed(rows.Count, errors);

        var byDeal = rows.GroupBy(r => r.ExternalId, StringComparer.Ordinal).ToList();
        var existing = await LoadExistingAsync(byDeal.Select(g => g.Key).ToList(), ct);
        var created = new List<DealRecord>();
        int added = 0, present = 0;
        foreach (var group in byDeal)
        {
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
                var at = row.At.UtcDateTime;
                if (deal.Events.Any(e => e.ToStage.Equals(row.Stage, StringComparison.OrdinalIgnoreCase) && Math.Abs((e.At - at).TotalMilliseconds) < 1))
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
                added++;
            }
        }
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Failed(rows.Count, errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Deals.AddRange(created);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new ImportResult(rows.Count, created.Count, added, present, []);
    }

    private async Task<Dictionary<string, DealRecord>> LoadExistingAsync(List<string> externalIds, CancellationToken ct)
    {
        var found = new Dictionary<string, DealRecord>(StringComparer.Ordinal);
        foreach (var chunk in externalIds.Chunk(500))
        {
            var deals = await db.Deals.Where(d => d.ExternalId != null && chunk.Contains(d.ExternalId))
                .Include(d => d.Events).Include(d => d.Spans).AsSplitQuery().ToListAsync(ct);
            foreach (var d in deals) found[d.ExternalId!] = d;
        }
        return found;
    }

    private static async Task<byte[]> ReadAllAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static List<ImportRow> Fail(List<ImportError> errors, string reason)
    {
        errors.Add(new ImportError(1, 1, reason));
        return [];
    }

    private static ImportResult Failed(int rows, List<ImportError> errors) =>
        new(rows, 0, 0, 0, errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());
}
