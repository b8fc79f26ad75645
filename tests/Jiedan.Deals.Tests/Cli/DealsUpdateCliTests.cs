using System.Text.Json;
using Jiedan.Testing;

namespace Jiedan.Deals.Tests.Cli;

/// <summary><c>jiedan deals update</c>: edits what the options name; bad input exits 2 naming the option and writes nothing.</summary>
public class DealsUpdateCliTests
{
    private static async Task<JsonElement> ShowAsync(TestDatabase db, string id)
    {
        var (exit, json, err) = await CommandLine.RunAsync("deals", "show", id, "--json", "--db", db.Argument);
        Assert.True(exit == 0, err);
        return JsonDocument.Parse(json).RootElement;
    }

    private static string IdOf(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Update_changes_the_named_fields_and_the_report_slices(TestDatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await CommandLine.RunAsync("db", "migrate", "--db", db.Argument);
        var add = await CommandLine.RunAsync("deals", "add", "--client", "Beta", "--platform", "Upwork", "--budget", "500", "--currency",
            "USD", "--tags", "vue", "--notes", "call back", "--json", "--db", db.Argument);
        Assert.Equal(0, add.Exit);
        var id = IdOf(add.Out);

        var update = await CommandLine.RunAsync("deals", "update", id, "--platform", "Mashi", "--category", "DataPipeline",
            "--budget", "3000", "--currency", "CNY", "--tags", "python, scrapy", "--notes", "", "--version", "1", "--db", db.Argument);
        Assert.Equal((0, ""), (update.Exit, update.Err));
        Assert.Contains("5 change(s), now version 2", update.Out);
        Assert.Contains("platform: Upwork -> Mashi", update.Out);
        Assert.Contains("budget: 500 USD -> 3000 CNY", update.Out);
        var deal = await ShowAsync(db, id);
        Assert.Equal(("Mashi", "DataPipeline", 3000m, "CNY", 2), (deal.GetProperty("platform").GetString(),
            deal.GetProperty("category").GetString(), deal.GetProperty("budget").GetDecimal(),
            deal.GetProperty("currency").GetString(), deal.GetProperty("version").GetInt32()));
        Assert.Equal(["python", "scrapy"], deal.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToArray());
        Assert.Equal(JsonValueKind.Null, deal.GetProperty("notes").ValueKind);

        var (_, mashi, _) = await CommandLine.RunAsync("pipeline", "report", "--platform", "Mashi", "--json", "--db", db.Argument);
        var (_, upwork, _) = await CommandLine.RunAsync("pipeline", "report", "--platform", "Upwork", "--json", "--db", db.Argument);
        Assert.Equal((1, 0), (JsonDocument.Parse(mashi).RootElement.GetProperty("deals").GetInt32(),
            JsonDocument.Parse(upwork).RootElement.GetProperty("deals").GetInt32()));

        var cleared = await CommandLine.RunAsync("deals", "update", id, "--clear-budget", "--json", "--db", db.Argument);
        Assert.Equal(0, cleared.Exit);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(cleared.Out).RootElement.GetProperty("budget").ValueKind);
        var same = await CommandLine.RunAsync("deals", "update", id, "--platform", "mashi", "--db", db.Argument);
        Assert.Contains("nothing changed (version 3)", same.Out);

        var shown = await CommandLine.RunAsync("deals", "show", id, "--db", db.Argument);
        Assert.Equal(0, shown.Exit);
        var history = shown.Out[shown.Out.IndexOf("Changes (newest first):", StringComparison.Ordinal)..];
        Assert.True(history.IndexOf("3000 CNY", StringComparison.Ordinal) < history.IndexOf("Upwork", StringComparison.Ordinal),
            "the budget cleared last comes before the platform changed first");
        Assert.Contains("Mashi", history);
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Bad_input_exits_2_naming_the_option_a_stale_version_exits_1_and_nothing_is_written(TestDatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await CommandLine.RunAsync("db", "migrate", "--db", db.Argument);
        var add = await CommandLine.RunAsync("deals", "add", "--client", "Gamma", "--platform", "Telegram", "--json", "--db", db.Argument);
        var id = IdOf(add.Out);

        var cases = new (string[] Args, string Message)[]
        {
            (["--platform", "Fiverrr"], "--platform: unknown platform 'Fiverrr'"),
            (["--seniority", "Wizard"], "--seniority: unknown seniority 'Wizard'"),
            (["--budget", "-1", "--currency", "USD"], "--budget: budget must not be negative"),
            (["--budget", "10"], "--currency: a budget needs a currency"),
            (["--budget", "10", "--currency", "ABC"], "--currency: unknown currency 'ABC'"),
            (["--client", new string('c', 201)], "--client: client must be at most 200 characters"),
            (["--tags", string.Join(',', Enumerable.Range(0, 33))], "--tags: tags: at most 32 tags"),
            (["--budget", "10", "--clear-budget"], "--clear-budget: cannot be combined with --budget"),
            ([], "nothing to change"),
        };
        foreach (var (args, message) in cases)
        {
            var (exit, _, err) = await CommandLine.RunAsync(["deals", "update", id, .. args, "--db", db.Argument]);
            Assert.True(exit == 2, $"{string.Join(' ', args)}: exit {exit}, {err}");
            Assert.Contains(message, err);
        }
        var missing = await CommandLine.RunAsync("deals", "update", "9999", "--client", "X", "--db", db.Argument);
        Assert.Equal(2, missing.Exit);
        Assert.Contains("no deal with id 9999", missing.Err);
        var stale = await CommandLine.RunAsync("deals", "update", id, "--client", "Delta", "--version", "7", "--db", db.Argument);
        Assert.Equal(1, stale.Exit);
        Assert.Contains("it is at version 1, not 7", stale.Err);

        var deal = await ShowAsync(db, id);
        Assert.Equal(("Gamma", "Telegram", 1), (deal.GetProperty("client").GetString(), deal.GetProperty("platform").GetString(),
            deal.GetProperty("version").GetInt32()));
        Assert.Equal(JsonValueKind.Null, deal.GetProperty("budget").ValueKind);
    }
}
