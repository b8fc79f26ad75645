using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jiedan.Common.Cli;
using Jiedan.Testing;

namespace Jiedan.Cli.Tests.Db;

/// <summary>
/// <c>jiedan db copy</c>: a demo installation moved SQLite → PostgreSQL → SQLite comes back equal table by table (rows and
/// checksums), the copy keeps working (new ids follow the copied ones), and a bad source or target changes nothing.
/// </summary>
public sealed class DbCopyTests
{
    private static async Task<string> Succeeds(params string[] args)
    {
        var (exit, stdout, stderr) = await CommandLine.RunAsync(args);
        Assert.True(exit == ExitCodes.Ok, $"jiedan {string.Join(' ', args)} exited {exit}: {stderr}");
        return stdout;
    }

    private static Dictionary<string, (long Rows, string Checksum)> Tables(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("tables").EnumerateArray().ToDictionary(
            t => t.GetProperty("table").GetString()!, t => (t.GetProperty("rows").GetInt64(), t.GetProperty("checksum").GetString()!));

    private static async Task<string> DealsJson(TestDatabase db) =>
        await Succeeds("deals", "list", "--limit", "100000", "--json", "--db", db.Argument);

    /// <summary>PostgreSQL keeps instants to the microsecond; SQLite's text keeps 100 ns ticks.</summary>
    private static string ToMicroseconds(string json) => Regex.Replace(json, @"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", m =>
    {
        var at = DateTime.Parse(m.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        return new DateTime(at.Ticks - at.Ticks % 10, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);
    });

    /// <summary>Equal as JSON values: 30000.00 (PostgreSQL numeric) is 30000.0 (SQLite).</summary>
    private static bool SameValues(string a, string b) =>
        JsonElement.DeepEquals(JsonDocument.Parse(a).RootElement, JsonDocument.Parse(b).RootElement);

    [Fact]
    public async Task A_demo_installation_goes_to_postgres_and_back_unchanged()
    {
        await using var sqlite = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        await using var postgres = await TestDatabase.CreateAsync(TestDatabaseKind.Postgres);
        await using var back = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        await (await JiedanTestServer.StartAsync(sqlite, demo: true)).DisposeAsync();
        await Succeeds("deals", "add", "--client", "客户 ‘quoted’ \"name\"", "--platform", "Upwork", "--budget", "1234.50", "--currency",
            "CNY", "--tags", "go,api", "--db", sqlite.Argument);

        var there = Tables(await Succeeds("db", "copy", "--from", sqlite.Argument, "--to", postgres.Argument, "--json"));
        var home = Tables(await Succeeds("db", "copy", "--from", postgres.Argument, "--to", back.Argument, "--json"));

        Assert.Equal(there.Keys.Order(StringComparer.Ordinal), home.Keys.Order(StringComparer.Ordinal));
        foreach (var (table, figures) in there) Assert.True(figures == home[table], $"{table}: {figures} then {home[table]}");
        Assert.True(there["deals"].Rows > 100, "the demo portfolio was copied");
        foreach (var table in new[] { "users", "api_tokens", "data_protection_keys", "deals", "stage_events", "stage_spans" })
            Assert.True(there[table].Rows > 0, $"{table} was empty in the demo installation");
        Assert.True(SameValues(await DealsJson(postgres), await DealsJson(back)));
        Assert.True(SameValues(ToMicroseconds(await DealsJson(sqlite)), ToMicroseconds(await DealsJson(back))));

        var maxId = JsonDocument.Parse(await DealsJson(postgres)).RootElement.EnumerateArray().Max(d => d.GetProperty("id").GetInt64());
        var added = JsonDocument.Parse(await Succeeds("deals", "add", "--client", "After the move", "--platform", "Upwork", "--json",
            "--db", postgres.Argument)).RootElement.GetProperty("id").GetInt64();
        Assert.Equal(maxId + 1, added);
    }

    [Fact]
    public async Task A_target_holding_data_a_source_behind_or_missing_and_the_same_database_are_refused_with_exit_2()
    {
        await using var source = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        await using var target = await TestDatabase.CreateAsync(TestDatabaseKind.Postgres);
        await Succeeds("db", "migrate", "--db", source.Argument);
        await Succeeds("deals", "add", "--client", "Source deal", "--platform", "Upwork", "--db", source.Argument);
        await Succeeds("db", "migrate", "--db", target.Argument);
        await Succeeds("deals", "add", "--client", "Target deal", "--platform", "Upwork", "--db", target.Argument);
        var before = await DealsJson(target);

        var (full, _, fullErr) = await CommandLine.RunAsync(["db", "copy", "--from", source.Argument, "--to", target.Argument]);
        Assert.Equal(ExitCodes.BadInput, full);
        Assert.Contains("--to:", fullErr);
        Assert.Contains("copy into an empty database", fullErr);
        Assert.Equal(before, await DealsJson(target));

        var (same, _, sameErr) = await CommandLine.RunAsync(["db", "copy", "--from", source.Argument, "--to", source.Argument]);
        Assert.Equal(ExitCodes.BadInput, same);
        Assert.Contains("the target is the source", sameErr);

        var missing = Path.Combine(Path.GetTempPath(), $"jiedan-missing-{Guid.NewGuid():N}.db");
        var (none, _, noneErr) = await CommandLine.RunAsync(["db", "copy", "--from", missing, "--to", target.Argument]);
        Assert.Equal(ExitCodes.BadInput, none);
        Assert.Contains($"--from: no database at {missing}", noneErr);
        Assert.False(File.Exists(missing));
    }
}
