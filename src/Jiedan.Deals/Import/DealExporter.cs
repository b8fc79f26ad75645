using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Parsing;
using Jiedan.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Deals.Import;

/// <summary>
/// Writes deals and their events in the import format, so an export re-imports to the same state. CSV cells a spreadsheet
/// would run as formulas are escaped (<see cref="CsvFormulas"/>); the importer undoes exactly that.
/// </summary>
public sealed class DealExporter(DealsDbContext db)
{
    private static readonly JsonSerializerOptions JsonOutput =
        new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] Columns =
        ["external_id", "client", "platform", "stage", "at", "category", "seniority", "budget", "currency", "lost_reason"];

    public async Task ExportAsync(TextWriter output, string format, DealQuery query, CancellationToken ct)
    {
        var deals = await DealStore.Filter(db.Deals.AsNoTracking(), query with { Limit = int.MaxValue })
            .Include(d => d.Events).OrderBy(d => d.Id).AsSplitQuery().ToListAsync(ct);
        var rows = deals.SelectMany(d => d.Events.OrderBy(e => e.Seq).Select(e => new[]
        {
            d.ExternalId ?? $"jiedan-{d.Id}", d.Client, d.Platform, e.ToStage,
            e.At.AsUtc().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            d.Category, d.Seniority, d.BudgetAmount?.ToString(CultureInfo.InvariantCulture) ?? "", d.BudgetCurrency ?? "", e.Reason ?? "",
        }));
        if (format == "json")
        {
            var objects = rows.Select(r => Columns.Select((c, i) => (c, r[i])).Where(p => p.Item2.Length > 0).ToDictionary(p => p.c,
                p => p.Item2));
            await output.WriteAsync(JsonSerializer.Serialize(objects, JsonOutput));
            await output.WriteLineAsync();
            return;
        }
        await using var csv = new CsvWriter(output, CsvFormulas.WriterConfiguration(), leaveOpen: true);
        foreach (var c in Columns) csv.WriteField(c);
        await csv.NextRecordAsync();
        foreach (var r in rows)
        {
            foreach (var f in r) csv.WriteField(f);
            await csv.NextRecordAsync();
        }
    }
}
