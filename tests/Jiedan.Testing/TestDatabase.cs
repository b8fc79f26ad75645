using Jiedan.Common.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jiedan.Testing;

public enum TestDatabaseKind { Sqlite, Postgres }

/// <summary>
/// A fresh, empty database for one test (or one test class, reset between tests): a SQLite file in a temporary folder,
/// or a uniquely named database on the PostgreSQL server in <c>JIEDAN_TEST_PG</c>. Dropped on dispose. The only
/// database helper of the suite, with its one policy: PostgreSQL is always there; a missing one is a setup error.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "JIEDAN_TEST_PG";
    private const string HistoryTablePrefix = "__migrations_";
    private readonly string? _folder;
    private readonly string? _pgName;

    private TestDatabase(DatabaseTarget target, string? folder, string? pgName)
    {
        Target = target;
        _folder = folder;
        _pgName = pgName;
    }

    public DatabaseTarget Target { get; }
    public TestDatabaseKind Kind => Target.Provider == DatabaseProvider.Sqlite ? TestDatabaseKind.Sqlite : TestDatabaseKind.Postgres;

    /// <summary>The value to pass as <c>--db</c>: a file path or a connection string.</summary>
    public string Argument => _folder is not null ? Path.Combine(_folder, "jiedan.db") : Target.ConnectionString;

    public static Task<TestDatabase> CreateAsync(TestDatabaseKind kind) =>
        kind == TestDatabaseKind.Sqlite ? Task.FromResult(Sqlite()) : PostgresAsync();

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) =>
        CreateAsync(provider == DatabaseProvider.Sqlite ? TestDatabaseKind.Sqlite : TestDatabaseKind.Postgres);

    public static TestDatabase Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("jiedan-test-").FullName;
        return new TestDatabase(DatabaseTarget.Parse(Path.Combine(folder, "jiedan.db")), folder, null);
    }

    public static async Task<TestDatabase> PostgresAsync()
    {
        var admin = AdminConnectionString();
        var name = "jiedan_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(new DatabaseTarget(DatabaseProvider.Postgres, builder.ConnectionString), null, name);
    }

    /// <summary>The test script always provides PostgreSQL; running the suite without it is a setup error, not a skip.</summary>
    public static string AdminConnectionString() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set: the suite always runs on SQLite and PostgreSQL. Run it with scripts/test.sh, "
                + "which starts PostgreSQL on 127.0.0.1, or set it, e.g. "
                + $"{PostgresVariable}='Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres'");

    /// <summary>
    /// Empties every table but the migration history ones, so the schema stays migrated; identities restart at 1.
    /// The per-test reset of a per-class server (<see cref="JiedanServerFixture"/>).
    /// </summary>
    public async Task ResetAsync()
    {
        if (Target.Provider == DatabaseProvider.Sqlite) await ResetSqliteAsync();
        else await ResetPostgresAsync();
    }

    private async Task ResetSqliteAsync()
    {
        await using var connection = new SqliteConnection(Target.ConnectionString);
        await connection.OpenAsync();
        var tables = await ListAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            + $"AND substr(name, 1, {HistoryTablePrefix.Length}) <> '{HistoryTablePrefix}'");
        var statements = tables.Select(t => $"DELETE FROM \"{t}\";").ToList();
        var hasSequence = (await ListAsync(connection, "SELECT name FROM sqlite_master WHERE name = 'sqlite_sequence'")).Count > 0;
        if (hasSequence) statements.Add("DELETE FROM sqlite_sequence;");
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys = OFF; BEGIN; " + string.Concat(statements) + " COMMIT; PRAGMA foreign_keys = ON;";
        await command.ExecuteNonQueryAsync();
    }

    private async Task ResetPostgresAsync()
    {
        await using var connection = new NpgsqlConnection(Target.ConnectionString);
        await connection.OpenAsync();
        var tables = await ListAsync(connection,
            "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables "
            + "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') "
            + $"AND left(tablename, {HistoryTablePrefix.Length}) <> '{HistoryTablePrefix}'");
        if (tables.Count == 0) return;
        await using var command = connection.CreateCommand();
        command.CommandText = $"TRUNCATE {string.Join(", ", tables)} RESTART IDENTITY CASCADE";
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ListAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_folder is not null)
        {
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
        if (_pgName is not null) await ExecuteAsync(AdminConnectionString(), $"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)");
    }
}
