using System.Data.Common;
using System.Globalization;
using System.Text;
using Jiedan.Deals.Import;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Deals;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Jiedan.Deals.Tests.Storage;

/// <summary>
/// The importer writes new deals past EF's change tracker (DealBulkInsert). Its rows must be exactly the rows
/// SaveChanges writes for the same deals, as DealStore and DemoSeeder do: every column, with the same storage type.
/// </summary>
public class ImportedRowsTests
{
    private const string Csv = """
        external_id,client,platform,stage,at,category,seniority,budget,currency,lost_reason
        up-1,Acme Logistics,Upwork,Lead,2025-03-03,ApiService,Senior,12000.50,USD,
        up-1,Acme Logistics,Upwork,FirstResponse,2025-03-04T10:00:00.123Z,,,,,
        up-1,Acme Logistics,Upwork,ProposalConfirmed,2025-03-10T09:30:00+08:00,,,,,
        up-1,Acme Logistics,Upwork,LegalReview,2025-03-21T16:45:00Z,,,,,
        ms-7,杭州云栈科技,码市,Lead,2025-03-05,DataPipeline,中级,80000,CNY,
        ms-7,杭州云栈科技,码市,Lost,2025-03-12,,,,,预算不足
        tg-3,"Quill, Legal",Telegram,Lead,2025-03-06T23:59:59Z,,,,,
        """;

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Imported_rows_equal_the_rows_SaveChanges_writes(TestDatabaseKind kind)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 4, 1, 8, 0, 0, TimeSpan.Zero));
        await using var imported = await DealsDatabase.CreateAsync(kind, clock);
        await using var saved = await DealsDatabase.CreateAsync(kind, clock);

        var result = await imported.Get<DealImporter>().ImportAsync("deals.csv", new MemoryStream(Encoding.UTF8.GetBytes(Csv)), "test",
            default);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));

        var errors = new List<ImportError>();
        var rows = CsvImportReader.Read(new StringReader(Csv), errors);
        Assert.Empty(errors);
        var writer = new DealWriter(saved.Get<PipelineSettings>());
        var ctx = saved.Get<DealsDbContext>();
        foreach (var group in rows.GroupBy(r => r.ExternalId))
        {
            var first = group.First();
            var deal = writer.NewDeal(new DealDraft(first.Client, first.Platform)
            {
                ExternalId = first.ExternalId, Category = first.Category, Seniority = first.Seniority, Budget = first.Budget,
            }, clock.GetUtcNow());
            foreach (var row in group) writer.Apply(deal, row.Stage, row.At, "test", row.LostReason);
            ctx.Deals.Add(deal);
        }
        await ctx.SaveChangesAsync();

        foreach (var sql in new[]
        {
            """SELECT * FROM deals ORDER BY "ExternalId" """,
            """SELECT d."ExternalId" AS deal, e.* FROM stage_events e JOIN deals d ON d."Id" = e."DealId" ORDER BY deal, e."Seq" """,
            """SELECT d."ExternalId" AS deal, s.* FROM stage_spans s JOIN deals d ON d."Id" = s."DealId" ORDER BY deal, s."Seq" """,
        })
        {
            var expected = await DumpAsync(saved, sql);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, await DumpAsync(imported, sql));
        }
    }

    /// <summary>Every column as stored (generated ids left out): CLR type the driver reads back, and invariant text.</summary>
    private static async Task<List<string>> DumpAsync(DealsDatabase db, string sql)
    {
        var ctx = db.Get<DealsDbContext>();
        await ctx.Database.OpenConnectionAsync();
        await using DbCommand cmd = ctx.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            var fields = Enumerable.Range(0, reader.FieldCount)
                .Where(i => reader.GetName(i) is not ("Id" or "DealId"))
                .Select(i => reader.IsDBNull(i) ? $"{reader.GetName(i)}=null"
                    : $"{reader.GetName(i)}={reader.GetValue(i).GetType().Name}:"
                        + Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
            lines.Add(string.Join(" | ", fields));
        }
        return lines;
    }
}
