using Jiedan.Data.Storage;
using Npgsql;

namespace Jiedan.Testing;

public enum TestDatabaseKind { Sqlite, Postgres }

/// <summary>
/// A fresh, empty database for one test: a SQLite file in a temporary folder, or a uniquely named database on the
/// PostgreSQL server the test script started (<c>JIEDAN_TEST_PG</c>). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "JIEDAN_TEST_PG";
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

    public static Task<TestDatabase> CreateAsync(TestDatabaseKind kind) => kind == TestDatabaseKind.Sqlite ? Task.FromResult(Sqlite()) : PostgresAsync();

    public static TestDatabase Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("jiedan-test-").FullName;
        return new TestDatabase(DatabaseTarget.Parse(Path.Combine(folder, "jiedan.db")), folder, null);
    }

    public static async Task<TestDatabase> PostgresAsync()
    {
        var admin = AdminConnectionString();
        var name = "jiedan_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(new DatabaseTarget(DatabaseProvider.Postgres, builder.ConnectionString), null, name);
    }

    /// <summary>The test script always provides PostgreSQL; running the suite without it is a setup error, not a skip.</summary>
    public static string AdminConnectionString() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException($"{PostgresVariable} is not set: run the suite with scripts/test.sh, which starts PostgreSQL on 127.0.0.1");

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_folder is not null)
        {
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
        if (_pgName is not null)
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
