using System.Text;
using Jiedan.Deals.Import;
using Jiedan.Deals.Storage;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Deals.Tests.Storage;

public class DealImportTests
{
    private const string Good = """
        external_id,client,platform,stage,at,category,seniority,budget,currency,lost_reason
        up-1,Acme Logistics,Upwork,Lead,2025-03-03,ApiService,Senior,12000,USD,
        up-1,Acme Logistics,Upwork,FirstResponse,2025-03-04T10:00:00Z,,,,,
        up-1,Acme Logistics,Upwork,ProposalConfirmed,2025-03-10T09:30:00+08:00,,,,,
        ms-7,杭州云栈科技,码市,Lead,2025-03-05,DataPipeline,中级,80000,CNY,
        ms-7,杭州云栈科技,码市,Lost,2025-03-12,,,,,预算不足
        """;

    private static async Task<ImportResult> Import(DealsDatabase db, string name, string content) =>
        await db.Get<DealImporter>().ImportAsync(name, new MemoryStream(Encoding.UTF8.GetBytes(content)), "test", default);

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Imports_deals_and_events_and_reimport_changes_nothing(TestDatabaseKind kind)
    {
        await using var db = await DealsDatabase.CreateAsync(kind);
        var first = await Import(db, "deals.csv", Good);
        Assert.True(first.Succeeded, string.Join("\n", first.Errors));
        Assert.Equal((5, 2, 5, 0), (first.Rows, first.DealsCreated, first.EventsAdded, first.EventsAlreadyPresent));

        var again = await Import(db, "deals.csv", Good);
        Assert.Equal((2 - 2, 0, 5), (again.DealsCreated, again.EventsAdded, again.EventsAlreadyPresent));

        var ctx = db.Get<DealsDbContext>();
        Assert.Equal(2, await ctx.Deals.CountAsync());
        Assert.Equal(5, await ctx.StageEvents.CountAsync());
        var acme = await ctx.Deals.SingleAsync(d => d.ExternalId == "up-1");
        Assert.Equal(("ProposalConfirmed", "Upwork", "Senior", 12000m, "USD"),
            (acme.Stage, acme.Platform, acme.Seniority, acme.BudgetAmount!.Value, acme.BudgetCurrency));
        var lost = await ctx.Deals.SingleAsync(d => d.ExternalId == "ms-7");
        Assert.Equal(("Lost", "预算不足", "Mashi", "Mid"), (lost.Stage, lost.LostReason, lost.Platform, lost.Seniority));
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_later_file_appends_events_to_existing_deals(TestDatabaseKind kind)
    {
        await using var db = await DealsDatabase.CreateAsync(kind);
        await Import(db, "a.csv", Good);
        var more = await Import(db, "b.csv", """
            external_id,client,platform,stage,at
            up-1,Acme Logistics,Upwork,ProposalConfirmed,2025-03-10T01:30:00Z
            up-1,Acme Logistics,Upwork,LegalReview,2025-03-14
            """);
        Assert.True(more.Succeeded, string.Join("\n", more.Errors));
        Assert.Equal((1, 1), (more.EventsAdded, more.EventsAlreadyPresent));
        Assert.Equal("LegalReview", (await db.Get<DealsDbContext>().Deals.SingleAsync(d => d.ExternalId == "up-1")).Stage);
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_bad_file_reports_every_error_with_line_and_column_and_imports_nothing(TestDatabaseKind kind)
    {
        await using var db = await DealsDatabase.CreateAsync(kind);
        var result = await Import(db, "bad.csv", """
            external_id,client,platform,stage,at,budget,currency
            d-1,Acme,Upwork,Lead,2025-03-03,100,USD
            d-1,Acme,Upwork,FirstResponse,2025-02-30,,
            d-2,Beta,Upwork,Dreaming,2025-03-03,,
            d-3,Gamma,Upwork,Lead,2025-03-03,500,XYZ
            d-4,Delta,Upwork,Lead,2025-03-05,,
            d-4,Delta,Upwork,FirstResponse,2025-03-04,,
            """);
        Assert.False(result.Succeeded);
        var messages = result.Errors.Select(e => e.Format("bad.csv")).ToList();
        Assert.Contains("bad.csv:3:5: '2025-02-30' is not an ISO-8601 date or date-time", messages);
        Assert.Contains(messages, m => m.StartsWith("bad.csv:4:4: unknown stage 'Dreaming'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("bad.csv:5:7: unknown currency 'XYZ'", StringComparison.Ordinal));
        Assert.Equal(3, messages.Count);
        Assert.Equal(0, await db.Get<DealsDbContext>().Deals.CountAsync());

        // With the field errors fixed, the cross-row error (a transition earlier than the previous one) is found.
        var second = await Import(db, "bad.csv", """
            external_id,client,platform,stage,at
            d-1,Acme,Upwork,Lead,2025-03-03
            d-4,Delta,Upwork,Lead,2025-03-05
            d-4,Delta,Upwork,FirstResponse,2025-03-04
            """);
        Assert.Equal(["bad.csv:4:5: deal 'd-4': transition at 2025-03-04T00:00:00+00:00 is earlier than the previous one " +
            "(2025-03-05T00:00:00+00:00)"],
            second.Errors.Select(e => e.Format("bad.csv")));
        Assert.Equal(0, await db.Get<DealsDbContext>().Deals.CountAsync());
    }

    [Fact]
    public async Task Missing_columns_and_json_errors_point_at_the_place()
    {
        await using var db = await DealsDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        var csv = await Import(db, "x.csv", "external_id,client,platform,stage\n1,a,Upwork,Lead\n");
        Assert.Equal(["x.csv:1:5: missing required column 'at'"], csv.Errors.Select(e => e.Format("x.csv")));

        var json = await Import(db, "x.json", """
            [
              { "external_id": "j-1", "client": "Acme", "platform": "Toptal", "stage": "Lead", "at": "2025-03-03" },
              { "external_id": "j-1", "client": "Acme", "platform": "Toptal", "stage": "FirstResponse", "at": "yesterday" }
            ]
            """);
        Assert.Equal(["x.json:3:99: 'yesterday' is not an ISO-8601 date or date-time"], json.Errors.Select(e => e.Format("x.json")));

        var broken = await Import(db, "y.json", "[ { \"external_id\": \"j-1\", ");
        Assert.Single(broken.Errors);
        Assert.StartsWith("y.json:1:", broken.Errors[0].Format("y.json"));
        Assert.Equal(0, await db.Get<DealsDbContext>().Deals.CountAsync());
    }

    [Fact]
    public async Task Json_import_and_export_round_trip()
    {
        await using var db = await DealsDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        Assert.True((await Import(db, "deals.csv", Good)).Succeeded);
        var exported = new StringWriter();
        await db.Get<DealExporter>().ExportAsync(exported, "json", new DealQuery(), default);

        await using var other = await DealsDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        var result = await Import(other, "export.json", exported.ToString());
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal((2, 5), (result.DealsCreated, result.EventsAdded));
        var again = new StringWriter();
        await other.Get<DealExporter>().ExportAsync(again, "json", new DealQuery(), default);
        Assert.Equal(exported.ToString(), again.ToString());
    }
}
