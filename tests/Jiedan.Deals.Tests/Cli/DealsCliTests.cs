using System.Text.Json;
using Jiedan.Testing;

namespace Jiedan.Deals.Tests.Cli;

public class DealsCliTests
{
    private static string Write(string folder, string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Import_errors_exit_2_with_line_and_column_and_write_nothing(TestDatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await CommandLine.RunAsync("db", "migrate", "--db", db.Argument);
        var folder = Directory.CreateTempSubdirectory().FullName;
        var bad = Write(folder, "deals.csv",
            "external_id,client,platform,stage,at,currency,budget\nx-1,Acme,Upwork,Lead,2025-03-03,USD,10\n" +
            "x-1,Acme,Upwork,Nowhere,2025-03-04,,\nx-2,Beta,Upwork,Lead,2025-03-31T25:00,,\n");
        var (exit, _, err) = await CommandLine.RunAsync("deals", "import", bad, "--db", db.Argument);
        Assert.Equal(2, exit);
        Assert.Contains("deals.csv:3:4: unknown stage 'Nowhere'", err);
        Assert.Contains("deals.csv:4:5: '2025-03-31T25:00' is not an ISO-8601 date or date-time", err);
        Assert.Contains("nothing was imported", err);
        var (_, list, _) = await CommandLine.RunAsync("deals", "list", "--json", "--db", db.Argument);
        Assert.Equal(0, JsonDocument.Parse(list).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Import_twice_then_report_with_a_chart()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        await CommandLine.RunAsync("db", "migrate", "--db", db.Argument);
        var folder = Directory.CreateTempSubdirectory().FullName;
        var file = Write(folder, "deals.json", """
            [
              {"external_id":"t-1","client":"Acme","platform":"Telegram","stage":"Lead","at":"2026-03-02T09:00:00+08:00"},
              {"external_id":"t-1","client":"Acme","platform":"Telegram","stage":"FirstResponse","at":"2026-03-03T09:00:00+08:00"},
              {"external_id":"t-1","client":"Acme","platform":"Telegram","stage":"ProposalConfirmed","at":"2026-03-06T09:00:00+08:00"},
              {"external_id":"t-2","client":"Beta","platform":"WeCom","stage":"Lead","at":"2026-03-02"},
              {"external_id":"t-2","client":"Beta","platform":"WeCom","stage":"Lost","at":"2026-03-04","lost_reason":"budget"}
            ]
            """);
        var first = await CommandLine.RunAsync("deals", "import", file, "--db", db.Argument);
        Assert.Equal((0, ""), (first.Exit, first.Err));
        Assert.Contains("5 rows, 2 new deals, 5 new events, 0 already present", first.Out);
        var second = await CommandLine.RunAsync("deals", "import", file, "--db", db.Argument);
        Assert.Contains("0 new deals, 0 new events, 5 already present", second.Out);

        var png = Path.Combine(folder, "durations.png");
        var (exit, json, _) = await CommandLine.RunAsync("pipeline", "report", "--json", "--chart", png, "--db", db.Argument);
        Assert.Equal(0, exit);
        var report = JsonDocument.Parse(json).RootElement;
        Assert.Equal((2, 1), (report.GetProperty("deals").GetInt32(), report.GetProperty("lost").GetInt32()));
        var firstResponse = report.GetProperty("stages").EnumerateArray().Single(s =>
            s.GetProperty("stage").GetProperty("key").GetString() == "FirstResponse");
        // Tue 3 Mar → Fri 6 Mar 2026 (Shanghai): 3 business days.
        Assert.Equal(3.0, firstResponse.GetProperty("durations").GetProperty("mean").GetDouble());
        Assert.Equal(0x89, File.ReadAllBytes(png)[0]);

        var table = await CommandLine.RunAsync("pipeline", "report", "--platform", "Telegram", "--db", db.Argument);
        Assert.Contains("First response", table.Out);
        Assert.Contains("1 deals, 0 lost", table.Out);
    }

    [Fact]
    public async Task Moves_and_usage_errors_have_meaningful_exit_codes()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        await CommandLine.RunAsync("db", "migrate", "--db", db.Argument);
        var (exit, json, _) = await CommandLine.RunAsync("deals", "add", "--client", "Gamma", "--platform", "Toptal", "--budget", "5000",
            "--currency", "usd", "--json", "--db", db.Argument);
        Assert.Equal(0, exit);
        var id = JsonDocument.Parse(json).RootElement.GetProperty("id").GetInt64()
            .ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(0, (await CommandLine.RunAsync("deals", "move", id, "FirstResponse", "--version", "1", "--db", db.Argument)).Exit);
        var stale = await CommandLine.RunAsync("deals", "move", id, "Signed", "--version", "1", "--db", db.Argument);
        Assert.Equal(1, stale.Exit);
        Assert.Contains("version 2", stale.Err);
        Assert.Equal(2, (await CommandLine.RunAsync("deals", "move", id, "Lost", "--db", db.Argument)).Exit);
        Assert.Equal(2, (await CommandLine.RunAsync("deals", "add", "--client", "X", "--platform", "Nowhere", "--db", db.Argument)).Exit);
        Assert.Equal(2, (await CommandLine.RunAsync("deals", "list", "--seniority", "Wizard", "--db", db.Argument)).Exit);
        Assert.Equal(2, (await CommandLine.RunAsync("pipeline", "report", "--chart", "chart.gif", "--db", db.Argument)).Exit);
        Assert.Equal(2, (await CommandLine.RunAsync("deals", "frobnicate")).Exit);

        var shown = await CommandLine.RunAsync("deals", "show", id, "--db", db.Argument);
        Assert.Contains("stage FirstResponse (version 2)", shown.Out);
    }
}
