using Jiedan.Common.Storage;
using Microsoft.Data.Sqlite;

namespace Jiedan.Cli.Backup;

/// <summary>
/// SQLite: a consistent copy through SQLite's online backup API (a running server keeps writing), and a restore that
/// replaces the target file by renaming a checked copy over it.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies <paramref name="source"/> into the new file <paramref name="dataFile"/> and returns what the copy holds.</summary>
    public static async Task<DatabaseInventory> SnapshotAsync(DatabaseTarget source, string dataFile, CancellationToken ct)
    {
        var path = source.SqliteFile!;
        if (!File.Exists(path)) throw new BackupFileException(path, "no such database");
        await using (var from = new SqliteConnection(source.ConnectionString))
        await using (var to = Open(dataFile))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            from.BackupDatabase(to);
            // One self-contained file: no write-ahead log beside it.
            await ExecuteAsync(to, "PRAGMA journal_mode = DELETE", ct);
        }
        return await CheckAsync(dataFile, dataFile, ct);
    }

    /// <summary>Opens a copy, checks its integrity and returns its inventory; a damaged copy names <paramref name="file"/>.</summary>
    public static async Task<DatabaseInventory> CheckAsync(string file, string copy, CancellationToken ct)
    {
        await using var connection = Open(copy, readOnly: true);
        try
        {
            await connection.OpenAsync(ct);
            var check = await ExecuteAsync(connection, "PRAGMA quick_check", ct);
            if (!string.Equals(check, "ok", StringComparison.Ordinal))
                throw new BackupFileException(file, "the database inside is damaged (SQLite quick_check failed)");
            return await DatabaseInventory.ReadAsync(connection, DatabaseProvider.Sqlite, ct);
        }
        catch (SqliteException)
        {
            throw new BackupFileException(file, "the data inside is not a readable SQLite database");
        }
    }

    /// <summary>The inventory of an existing target, or null when there is no file (or an empty one) at all.</summary>
    public static async Task<DatabaseInventory?> TargetAsync(DatabaseTarget target, CancellationToken ct)
    {
        var path = target.SqliteFile!;
        if (!File.Exists(path) || new FileInfo(path).Length == 0) return null;
        await using var connection = Open(path, readOnly: true);
        await connection.OpenAsync(ct);
        return await DatabaseInventory.ReadAsync(connection, DatabaseProvider.Sqlite, ct);
    }

    /// <summary>Puts the checked copy in place of <paramref name="target"/> in one rename; a stale log beside it is removed
    /// first.</summary>
    public static async Task ReplaceAsync(string copy, DatabaseTarget target, CancellationToken ct)
    {
        var path = target.SqliteFile!;
        // Jiedan runs SQLite in WAL mode, and read-only commands cannot switch a file to it: the copy goes in already switched.
        await using (var connection = Open(copy))
        {
            await connection.OpenAsync(ct);
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL", ct);
        }
        if (File.Exists(path) && new FileInfo(path).Length > 0)
        {
            await using (var connection = Open(path))
            {
                await connection.OpenAsync(ct);
                await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE)", ct);
            }
            SqliteConnection.ClearAllPools();
        }
        // A log left beside the new file would be replayed into it.
        File.Delete(path + "-wal");
        File.Delete(path + "-shm");
        File.Delete(path + "-journal");
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir) Directory.CreateDirectory(dir);
        File.Move(copy, path, overwrite: true);
    }

    private static SqliteConnection Open(string path, bool readOnly = false) => new(new SqliteConnectionStringBuilder
    {
        DataSource = path, Pooling = false, Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
    }.ToString());

    private static async Task<string?> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(ct))?.ToString();
    }
}
