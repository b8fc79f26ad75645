using System.Text;
using CsCheck;
using Jiedan.Deals.Import;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Currencies;
using Jiedan.Domain.Deals;
using Jiedan.Domain.Pipeline;
using Jiedan.Testing;
using Jiedan.Testing.Properties;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Deals.Tests.Storage;

/// <summary>
/// Deals written through the store with arbitrary text (CJK, quotes, commas, line breaks, formula leaders) survive
/// export → import → export unchanged, in CSV and JSON; and the import readers turn any file into rows or positioned
/// errors, never an exception.
/// </summary>
public class DealTransferProperties
{
    private sealed record GeneratedDeal(string? ExternalId, string Client, Platform Platform, DealCategory Category,
        SeniorityBand Seniority,
        Money? Budget, int Stages, string? LostReason, int[] GapsMs);

    /// <summary>
    /// Text as the forms and the API store it: trimmed, not empty, no U+0000 (refused by DealFieldLimits); sometimes led
    /// by a spreadsheet formula character.
    /// </summary>
    private static readonly Gen<string> StoredText =
        Gen.Select(Gen.OneOf("", "", "=", "+", "-", "@"), HostileText.Text(8), (lead, text) => (lead + text).Replace("\0", "").Trim())
            .Where(t => t.Length > 0);

    private static readonly Gen<Money?> Budget = Gen.Frequency(
        (1, Gen.Const(default(Money?))),
        (2, Gen.Select(Gen.Int[0, 100_000_000], Gen.OneOf(Currency.Usd, Currency.Cny), (cents, c) => (Money?)new Money(cents / 100m, c))));

    private static readonly Gen<GeneratedDeal> Deal =
        Gen.Select(Gen.Frequency((1, Gen.Const(default(string?))), (3, StoredText.Select(t => (string?)t))), StoredText,
            Gen.Enum<Platform>(),
            Gen.Enum<DealCategory>(), Gen.Enum<SeniorityBand>(), Budget, Gen.Int[1, 5],
            Gen.Frequency((1, StoredText.Select(t => (string?)t)), (2, Gen.Const(default(string?)))), Gen.Int[1, 864_000_000].Array[6],
            (ext, client, platform, category, seniority, budget, stages, lost, gaps) =>
                new GeneratedDeal(ext, client, platform, category, seniority, budget, stages, lost, gaps));

    [Theory]
    [InlineData("csv", TestDatabaseKind.Sqlite)]
    [InlineData("json", TestDatabaseKind.Sqlite)]
    [InlineData("csv", TestDatabaseKind.Postgres)]
    [InlineData("json", TestDatabaseKind.Postgres)]
    public async Task Export_then_import_then_export_is_the_identity(string format, TestDatabaseKind kind)
    {
        await using var a = await DealsDatabase.CreateAsync(kind);
        await using var b = await DealsDatabase.CreateAsync(kind);
        await Deal.Array[1, 6].SampleAsync(async deals =>
        {
            await ClearAsync(a);
            await ClearAsync(b);
            var events = await StoreAsync(a, deals);

            var first = await ExportAsync(a, format);
            var result = await b.Get<DealImporter>().ImportAsync("deals." + format, new MemoryStream(Encoding.UTF8.GetBytes(first)),
                "test", default);
            Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Format("deals." + format))));
            Assert.Equal((events, deals.Length), (result.Rows, result.DealsCreated));
            Assert.Equal(first, await ExportAsync(b, format));
        }, iter: 15, threads: 1);
    }

    private static async Task<int> StoreAsync(DealsDatabase db, GeneratedDeal[] deals)
    {
        var store = db.Get<DealStore>();
        var stages = PipelineStages.Default.Ordered;
        var events = 0;
        for (var i = 0; i < deals.Length; i++)
        {
            var d = deals[i];
            var at = new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);
            var draft = new DealDraft(d.Client, d.Platform)
            {
                // Unique within the sample; the text comes first so that formula leaders stay leading.
                ExternalId = d.ExternalId is null ? null : $"{d.ExternalId}#{i}", Category = d.Category, Seniority = d.Seniority,
                    Budget = d.Budget,
            };
            var created = Assert.IsType<MoveResult.Moved>(await store.CreateAsync(draft, stages[0].Key, at, "test", default));
            events++;
            for (var s = 1; s < d.Stages + (d.LostReason is null ? 0 : 1); s++)
            {
                at = at.AddMilliseconds(d.GapsMs[s]);
                var (to, reason) = s < d.Stages ? (stages[s].Key, null) : (PipelineStages.LostKey, d.LostReason);
                Assert.IsType<MoveResult.Moved>(await store.MoveAsync(created.Deal.Id, null, to, at, "test", reason, default));
                events++;
            }
        }
        return events;
    }

    private static async Task<string> ExportAsync(DealsDatabase db, string format)
    {
        var output = new StringWriter();
        await db.Get<DealExporter>().ExportAsync(output, format, new DealQuery(), default);
        return output.ToString();
    }

    private static async Task ClearAsync(DealsDatabase db)
    {
        var ctx = db.Get<DealsDbContext>();
        await ctx.StageSpans.ExecuteDeleteAsync();
        await ctx.StageEvents.ExecuteDeleteAsync();
        await ctx.Deals.ExecuteDeleteAsync();
    }

    private static readonly string[] CsvTokens =
    [
        "external_id,client,platform,stage,at", ",category,seniority,budget,currency,lost_reason", "d-1", ",", "\"", "\"\"", "Upwork", "码市",
        "Lead", "Lost", "2025-03-03", "2025-03-03T10:00:00Z", "2025-02-30", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00",
        "ApiService", "Senior", "1e9", "-1", "79228162514264337593543950336", "USD", "CNY", "EUR",
    ];

    private static readonly string[] JsonTokens =
    [
        "[", "]", "{", "}", ",", ":", "\"external_id\":", "\"client\":", "\"platform\":", "\"stage\":", "\"at\":", "\"budget\":",
            "\"currency\":",
        "\"lost_reason\":", "\"d-1\"", "\"Upwork\"", "\"Lead\"", "\"2025-03-03\"", "\"9999-12-31T23:59:59-14:00\"", "1e400", "-0", "null",
            "true",
        "\"USD\"", "// c\n", "/* c */", "\"\\ud800\"",
    ];

    [Fact]
    public void Any_csv_is_rows_or_errors_at_a_line_and_column() =>
        Gen.OneOf(HostileText.Like(CsvTokens), HostileText.Text())
            .Sample(csv => Positioned(errors => CsvImportReader.Read(new StringReader(csv), errors)),
                iter: HostileText.Iterations, threads: 1);

    [Fact]
    public void Any_json_is_rows_or_errors_at_a_line_and_column() =>
        Gen.OneOf(HostileText.Like(JsonTokens).Select(Encoding.UTF8.GetBytes), HostileText.Text().Select(Encoding.UTF8.GetBytes),
            HostileText.Bytes)
            .Sample(json => Positioned(errors => JsonImportReader.Read(json, errors)),
                iter: HostileText.Iterations, threads: 1);

    /// <summary>Found by AFL++: a string holding invalid UTF-8 threw InvalidOperationException out of the JSON reader.</summary>
    [Theory]
    [InlineData("[{\"external_id\": \"?\"}]", 1, 18)]
    [InlineData("[\n  {\"client\": \"ok\", \"?\": 1}]", 2, 20)]
    public void A_json_string_that_is_not_utf8_is_an_error_at_its_line_and_column(string template, int line, int column)
    {
        var errors = new List<ImportError>();
        JsonImportReader.Read([.. Encoding.UTF8.GetBytes(template).Select(b => b == (byte)'?' ? (byte)0xFF : b)], errors);
        Assert.Contains(new ImportError(line, column, "a string is not valid UTF-8"), errors);
    }

    private static void Positioned(Func<List<ImportError>, List<ImportRow>> read)
    {
        var errors = new List<ImportError>();
        var rows = read(errors);
        Assert.All(errors, e => Assert.True(e.Line >= 1 && e.Column >= 1, e.Format("file")));
        Assert.All(rows, r => Assert.True(r.Line >= 1));
    }
}
