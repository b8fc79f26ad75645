using System.Globalization;
using System.Text.Json;
using Jiedan.Common.Cli;
using Jiedan.Incidents.Storage;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Incidents.Tests.Cli;

/// <summary>
/// A recorded fix strengthens every edge of its path from the incident's alert, and matching walks the stored graph
/// from the alert's symptom to the fixes (in the database): a fix recorded once moves its entry up.
/// </summary>
public class RecordedFixRankingTests
{
    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_recorded_fix_changes_the_order_and_recording_it_again_changes_nothing(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(kind);
        Assert.Equal(0, (await CommandLine.RunAsync("db", "migrate", "--db", database.Argument)).Exit);
        Assert.Equal(0, (await CommandLine.RunAsync("kb", "import", Corpus.Folder, "--db", database.Argument)).Exit);
        var folder = Directory.CreateTempSubdirectory("jiedan-kb-rank-").FullName;
        try
        {
            var alert = Path.Combine(folder, "alert.json");
            await File.WriteAllTextAsync(alert, Payloads.Firing(
                new Payloads.TestAlert("HostDiskAlmostFull", "aa11bb22cc33dd44", Description: "Disk space on /var nearly exhausted")), ct);
            Assert.Equal("NodeFilesystemAlmostFull", (await TitlesAsync(alert, database))[0]);

            var (provider, _) = CliServices.Build(database.Argument, Needs.Of(IncidentsModule.RegisterData));
            long incident;
            await using (provider)
            {
                await using var db = await provider.GetRequiredService<IDbContextFactory<IncidentsDbContext>>().CreateDbContextAsync(ct);
                var record = new IncidentRecord
                {
                    Receiver = "prod", Fingerprint = "aa11bb22cc33dd44", AlertName = "HostDiskAlmostFull", Status = "resolved",
                    Origin = IncidentStore.AlertmanagerOrigin, StartsAtUtc = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc),
                    ResolvedAtUtc = new DateTime(2026, 11, 1, 8, 30, 0, DateTimeKind.Utc),
                };
                db.Incidents.Add(record);
                await db.SaveChangesAsync(ct);
                incident = record.Id;
            }
            var id = incident.ToString(CultureInfo.InvariantCulture);
            for (var i = 0; i < 2; i++)
                Assert.Equal(0, (await CommandLine.RunAsync("kb", "fixed", id, "数据库连接池耗尽", "--db", database.Argument)).Exit);

            // The path symptom → 应用服务 → 数据库连接池 → fix carries one fix (weight 2 on every edge), counted once.
            var titles = await TitlesAsync(alert, database);
            Assert.Equal("数据库连接池耗尽", titles[0]);
            Assert.Contains("NodeFilesystemAlmostFull", titles);
            var text = await CommandLine.RunAsync("kb", "match", alert, "--db", database.Argument);
            Assert.Contains("fixed 1× before (graph path weight)", text.Out);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    private static async Task<List<string>> TitlesAsync(string alert, TestDatabase database)
    {
        var match = await CommandLine.RunAsync("kb", "match", alert, "--json", "--db", database.Argument);
        Assert.True(match.Exit == 0, match.Err);
        using var json = JsonDocument.Parse(match.Out);
        return [.. json.RootElement.GetProperty("alerts")[0].GetProperty("matches").EnumerateArray()
            .Select(m => m.GetProperty("title").GetString()!)];
    }
}
