using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Jiedan.Accounts.Storage;
using Jiedan.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Accounts.Tests.Cli;

public class AdminCliTests
{
    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Tokens_are_listed_without_their_secret_and_a_revoked_one_is_refused_by_the_server(TestDatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await CommandLine.RunAsync("db", "migrate", "--db", db.Argument);
        await using var server = await JiedanTestServer.StartAsync(db);
        var (exit, secret, _) = await CommandLine.RunAsync("admin", "token", "--name", "ci deploy", "--db", db.Argument);
        Assert.Equal(0, exit);
        secret = secret.Trim();
        Assert.StartsWith("jd_", secret);
        using var http = server.CreateAnonymousClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/deals")).StatusCode);

        var (_, table, _) = await CommandLine.RunAsync("admin", "token", "--list", "--db", db.Argument);
        Assert.Contains("ci deploy", table);
        Assert.Contains("tests", table);
        var (_, json, _) = await CommandLine.RunAsync("admin", "token", "--list", "--json", "--db", db.Argument);
        Assert.DoesNotContain(secret, table + json);
        var listed = JsonDocument.Parse(json).RootElement.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "ci deploy");
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("lastUsedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);

        var (revokeExit, revoked, _) = await CommandLine.RunAsync("admin", "token", "--revoke", "ci deploy", "--db", db.Argument);
        Assert.Equal(0, revokeExit);
        Assert.Contains("revoked 1", revoked);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/deals")).StatusCode);

        var id = JsonDocument.Parse((await CommandLine.RunAsync("admin", "token", "--list", "--json", "--db", db.Argument)).Out).RootElement
            .EnumerateArray().Single(t => t.GetProperty("name").GetString() == "tests").GetProperty("id").GetInt64();
        var byId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, (await CommandLine.RunAsync("admin", "token", "--revoke", byId, "--db", db.Argument)).Exit);
        var (again, _, err) = await CommandLine.RunAsync("admin", "token", "--revoke", "ci deploy", "--db", db.Argument);
        Assert.Equal(2, again);
        Assert.Contains("no active API token", err);
        Assert.Equal(2, (await CommandLine.RunAsync("admin", "token", "--list", "--name", "x", "--db", db.Argument)).Exit);
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_token_name_longer_than_its_column_or_blank_is_bad_input_and_creates_nothing(TestDatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using (await JiedanTestServer.StartAsync(db)) { }
        foreach (var name in new[] { new string('n', 129), "   " })
        {
            var (exit, _, err) = await CommandLine.RunAsync("admin", "token", "--name", name, "--db", db.Argument);
            Assert.Equal(2, exit);
            Assert.Contains("--name: 1 to 128 characters", err);
        }
        var (_, json, _) = await CommandLine.RunAsync("admin", "token", "--list", "--json", "--db", db.Argument);
        Assert.DoesNotContain("nnnn", json);
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Sessions_are_listed_with_their_browser_and_ended_one_at_a_time_or_all_at_once(TestDatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var server = await JiedanTestServer.StartAsync(db);
        using (var scope = server.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var owner = await accounts.OwnerIdAsync(default);
            await accounts.StartSessionAsync(owner, "Laptop/1.0", default);
            await accounts.StartSessionAsync(owner, "Phone/2.0\u001b[31m", default); // a terminal escape in a User-Agent
        }
        var link = await server.IssueSetupTokenAsync();
        var (exit, table, _) = await CommandLine.RunAsync("admin", "sessions", "--db", db.Argument);
        Assert.Equal(0, exit);
        Assert.Contains("Laptop/1.0", table);
        Assert.DoesNotContain("\u001b", table, StringComparison.Ordinal);
        var listed = await ListAsync(db);
        Assert.Equal(["Phone/2.0[31m", "Laptop/1.0"], listed.Select(s => s.Client));
        var phone = listed[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (revokeExit, revoked, _) = await CommandLine.RunAsync("admin", "sessions", "--revoke", phone, "--db", db.Argument);
        Assert.Equal(0, revokeExit);
        Assert.Contains($"logged out session {phone}", revoked);
        Assert.Equal(["Laptop/1.0"], (await ListAsync(db)).Select(s => s.Client));
        var (again, _, err) = await CommandLine.RunAsync("admin", "sessions", "--revoke", phone, "--db", db.Argument);
        Assert.Equal(2, again);
        Assert.Contains("no active session has the id", err);

        Assert.Equal(2, (await CommandLine.RunAsync("admin", "sessions", "--revoke", phone, "--revoke-all", "--db", db.Argument)).Exit);
        Assert.Equal(0, (await CommandLine.RunAsync("admin", "sessions", "--revoke-all", "--db", db.Argument)).Exit);
        Assert.Empty(await ListAsync(db));
        using var after = server.Services.CreateScope(); // none of these issued a new setup link: the one printed still works
        Assert.NotNull((await after.ServiceProvider.GetRequiredService<AccountService>().CompleteSetupAsync(
            link, "a long enough password", default)).User);
    }

    private static async Task<List<(long Id, string? Client)>> ListAsync(TestDatabase db)
    {
        var (exit, json, _) = await CommandLine.RunAsync("admin", "sessions", "--json", "--db", db.Argument);
        Assert.Equal(0, exit);
        return [.. JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Select(s => (s.GetProperty("id").GetInt64(), s.GetProperty("client").GetString()))];
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_exits_3_naming_the_database_but_not_its_password()
    {
        var clock = Stopwatch.StartNew();
        // Port 9 on loopback: nothing listens, every connection is refused.
        const string Unreachable = "Host=127.0.0.1;Port=9;Database=jiedan;Username=jiedan;Password=hunter2-secret;Timeout=3";
        var (exit, _, err) = await CommandLine.RunAsync("deals", "list", "--db", Unreachable);
        Assert.Equal(3, exit);
        Assert.Contains("database error (PostgreSQL 127.0.0.1:9/jiedan)", err);
        Assert.DoesNotContain("hunter2", err);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task An_unwritable_SQLite_database_exits_3()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "jiedan.db");
        Assert.Equal(0, (await CommandLine.RunAsync("db", "migrate", "--db", path)).Exit);
        // Read-only at the SQLite level, so it holds for root too (file modes do not).
        var readOnly = $"Data Source={path};Mode=ReadOnly";
        var (exit, _, err) = await CommandLine.RunAsync("deals", "add", "--client", "Acme", "--platform", "Upwork", "--db", readOnly);
        Assert.Equal(3, exit);
        Assert.Contains($"database error (SQLite {path})", err);
        Assert.Contains("readonly", err);
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_command_on_an_unmigrated_database_exits_3_until_db_migrate_runs(TestDatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        var (exit, _, err) = await CommandLine.RunAsync("pipeline", "report", "--json", "--db", db.Argument);
        Assert.Equal(3, exit);
        Assert.Matches(@"^jiedan: the database at .+ is not migrated \(\d+ pending migrations\): run 'jiedan db migrate'", err);
        Assert.Equal(3, (await CommandLine.RunAsync("admin", "token", "--list", "--db", db.Argument)).Exit);

        var (migrated, json, _) = await CommandLine.RunAsync("db", "migrate", "--json", "--db", db.Argument);
        Assert.Equal(0, migrated);
        var applied = JsonDocument.Parse(json).RootElement.GetProperty("applied");
        Assert.Contains(applied.EnumerateArray(), m => m.GetProperty("context").GetString() == "deals");
        Assert.Contains(applied.EnumerateArray(), m => m.GetProperty("context").GetString() == "bot");
        var (again, text, _) = await CommandLine.RunAsync("db", "migrate", "--db", db.Argument);
        Assert.Equal(0, again);
        Assert.EndsWith("is up to date." + Environment.NewLine, text);
        Assert.Equal(0, (await CommandLine.RunAsync("pipeline", "report", "--json", "--db", db.Argument)).Exit);
    }

    [Fact]
    public async Task A_read_on_a_missing_SQLite_file_does_not_create_it()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "none.db");
        Assert.Equal(3, (await CommandLine.RunAsync("deals", "list", "--db", path)).Exit);
        Assert.False(File.Exists(path));
    }
}
