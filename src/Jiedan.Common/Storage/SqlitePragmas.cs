using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jiedan.Common.Storage;

/// <summary>
/// WAL lets the dashboard read while the bot writes; NORMAL sync in WAL mode survives a process crash
/// (kill -9), which is the failure the outbox is designed for. Memory-mapped reads (up to 1 GiB of the file) spare
/// the pipeline report a system call and a copy per page when it scans its covering indexes (bench/pipeline).
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    public static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection) return;
        using var cmd = connection.CreateCommand();
        cmd.CommandText =
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; " +
            "PRAGMA foreign_keys=ON; PRAGMA mmap_size=1073741824;";
        cmd.ExecuteNonQuery();
    }
}
