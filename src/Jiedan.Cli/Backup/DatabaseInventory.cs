using System.Data.Common;
using Jiedan.Common.Storage;

namespace Jiedan.Cli.Backup;

/// <summary>
/// What a database holds, read through one open connection (inside the caller's transaction or snapshot): the rows of every
/// table and the migrations each context has applied (its <c>__migrations_&lt;context&gt;</c> history table).
/// </summary>
public sealed record DatabaseInventory(
    IReadOnlyDictionary<string, long> Tables, IReadOnlyDictionary<string, IReadOnlyList<string>> Migrations)
{
    private const string HistoryPrefix = "__migrations_";

    /// <summary>Rows outside the migration history tables: 0 means there is nothing a restore would overwrite.</summary>
    public long DataRows => Tables.Where(t => !IsHistory(t.Key)).Sum(t => t.Value);

    /// <summary>What a target database holds now; null for a SQLite file that does not exist yet.</summary>
    public static async Task<DatabaseInventory?> OfTargetAsync(DatabaseTarget target, CancellationToken ct) =>
        target.Provider == DatabaseProvider.Sqlite
            ? await SqliteBackup.TargetAsync(target, ct)
            : await PostgresBackup.TargetAsync(target, ct);

    public static async Task<DatabaseInventory> ReadAsync(DbConnection connection, DatabaseProvider provider, CancellationToken ct,
        DbTransaction? transaction = null)
    {
        var names = await ListAsync(connection, transaction, provider == DatabaseProvider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT CASE WHEN schemaname = 'public' THEN tablename ELSE schemaname || '.' || tablename END FROM pg_tables "
              + "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1", ct);
        var tables = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var migrations = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var quoted = string.Join('.', name.Split('.', 2).Select(p => "\"" + p.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
            tables[name] = Convert.ToInt64(await ScalarAsync(connection, transaction, $"SELECT COUNT(*) FROM {quoted}", ct),
                System.Globalization.CultureInfo.InvariantCulture);
            if (IsHistory(name))
                migrations[name[HistoryPrefix.Length..]] =
                    await ListAsync(connection, transaction, $"SELECT \"MigrationId\" FROM {quoted} ORDER BY \"MigrationId\"", ct);
        }
        return new DatabaseInventory(tables, migrations);
    }

    private static bool IsHistory(string table) => table.StartsWith(HistoryPrefix, StringComparison.Ordinal);

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return await command.ExecuteScalarAsync(ct);
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<string>();
        while (await reader.ReadAsync(ct)) list.Add(reader.GetString(0));
        return list;
    }
}
