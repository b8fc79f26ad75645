using Jiedan.Deals.Storage;
using Microsoft.Data.Sqlite;

namespace Jiedan.Bench.Pipeline;

/// <summary>
/// One transaction, three prepared INSERTs. Values go through Microsoft.Data.Sqlite parameters exactly as EF Core passes
/// them (DateTime and decimal as text, bool as integer), so the stored rows are the ones the product writes.
/// </summary>
public sealed class SqliteBulkLoader : IBulkLoader
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommand _deal, _event, _span;
    private long _eventId;

    private SqliteBulkLoader(SqliteConnection connection)
    {
        _connection = connection;
        _transaction = connection.BeginTransaction();
        _deal = Prepare(BulkColumns.Deals);
        _event = Prepare(BulkColumns.Events);
        _span = Prepare(BulkColumns.Spans);
    }

    public static async Task<IBulkLoader> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var pragma = connection.CreateCommand())
        {
            // Seeding only: a crash mid-seed just means seeding again.
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-1048576; PRAGMA foreign_keys=OFF;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        return new SqliteBulkLoader(connection);
    }

    private SqliteCommand Prepare((string Table, string[] Columns) table)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = _transaction;
        cmd.CommandText =
            $"INSERT INTO {table.Table} ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))})" +
            $" VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < table.Columns.Length; i++) cmd.Parameters.Add(new SqliteParameter($"$p{i}", null));
        cmd.Prepare();
        return cmd;
    }

    public Task WriteAsync(IReadOnlyList<DealRecord> deals, CancellationToken ct)
    {
        foreach (var d in deals)
        {
            Run(_deal, BulkColumns.DealValues(d));
            foreach (var e in d.Events) Run(_event, BulkColumns.EventValues(++_eventId, e));
            foreach (var s in d.Spans) Run(_span, BulkColumns.SpanValues(s));
        }
        ct.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    private static void Run(SqliteCommand cmd, object?[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        cmd.ExecuteNonQuery();
    }

    public async Task CompleteAsync(CancellationToken ct)
    {
        await _transaction.CommitAsync(ct);
        await using var checkpoint = _connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await checkpoint.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _deal.DisposeAsync();
        await _event.DisposeAsync();
        await _span.DisposeAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
