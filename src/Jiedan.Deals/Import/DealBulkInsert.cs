using System.Data.Common;
using Jiedan.Deals.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Jiedan.Deals.Import;

/// <summary>
/// Writes new deals with their events and spans on the context's connection, inside its open transaction, without
/// EF's change tracking: prepared INSERTs on SQLite, binary COPY on PostgreSQL. Values are passed as the same CLR
/// types EF passes, so the rows are the ones SaveChanges would write; any failure surfaces as a DbUpdateException and
/// the caller's transaction rolls back, so an import stays all-or-nothing.
/// </summary>
internal static class DealBulkInsert
{
    public static async Task InsertAsync(DealsDbContext db, IReadOnlyList<DealRecord> deals, CancellationToken ct)
    {
        if (deals.Count == 0) return;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("an open transaction is required");
        try
        {
            switch (db.Database.GetDbConnection())
            {
                case SqliteConnection sqlite: await SqliteAsync(sqlite, (SqliteTransaction)transaction, deals, ct); break;
                case NpgsqlConnection npgsql: await PostgresAsync(npgsql, deals, ct); break;
                default: throw new NotSupportedException("unknown database provider");
            }
        }
        catch (DbException e)
        {
            throw new DbUpdateException("An error occurred while saving the imported deals.", e);
        }
    }

    private static async Task SqliteAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<DealRecord> deals,
        CancellationToken ct)
    {
        // A page cache big enough for the touched index pages, so they are not spilled to the WAL mid-transaction.
        var cacheSize = Pragma(connection, transaction, "PRAGMA cache_size");
        Pragma(connection, transaction, "PRAGMA cache_size=-65536");
        try
        {
            await SqliteRowsAsync(connection, transaction, deals, ct);
        }
        finally
        {
            Pragma(connection, transaction, $"PRAGMA cache_size={cacheSize}");
        }
    }

    private static long Pragma(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        return cmd.ExecuteScalar() is long value ? value : 0;
    }

    private static async Task SqliteRowsAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<DealRecord> deals,
        CancellationToken ct)
    {
        await using var deal = Prepare(connection, transaction, "deals", DealRows.DealColumns, " RETURNING \"Id\"");
        await using var ev = Prepare(connection, transaction, "stage_events", DealRows.EventColumns, "");
        await using var span = Prepare(connection, transaction, "stage_spans", DealRows.SpanColumns, "");
        var dealValues = new object?[DealRows.DealColumns.Length];
        var eventValues = new object?[DealRows.EventColumns.Length];
        var spanValues = new object?[DealRows.SpanColumns.Length];
        foreach (var d in deals)
        {
            DealRows.Deal(d, dealValues);
            Bind(deal, dealValues);
            d.Id = (long)deal.ExecuteScalar()!;
            foreach (var e in d.Events)
            {
                e.DealId = d.Id;
                DealRows.Event(e, eventValues);
                Bind(ev, eventValues);
                ev.ExecuteNonQuery();
            }
            foreach (var s in d.Spans)
            {
                s.DealId = d.Id;
                DealRows.Span(s, spanValues);
                Bind(span, spanValues);
                span.ExecuteNonQuery();
            }
            ct.ThrowIfCancellationRequested();
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns,
        string suffix)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText =
            $"INSERT INTO {table} ({DealRows.Quoted(columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))}){suffix}";
        for (var i = 0; i < columns.Length; i++) cmd.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value));
        cmd.Prepare();
        return cmd;
    }

    private static void Bind(SqliteCommand cmd, object?[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    private static readonly NpgsqlDbType[] DealTypes =
    [
        NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Numeric,
        NpgsqlDbType.Varchar, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Boolean, NpgsqlDbType.Varchar, NpgsqlDbType.Integer,
        NpgsqlDbType.TimestampTz, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Varchar, NpgsqlDbType.TimestampTz,
        NpgsqlDbType.TimestampTz, NpgsqlDbType.Integer,
    ];

    private static readonly NpgsqlDbType[] EventTypes =
    [
        NpgsqlDbType.Bigint, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.TimestampTz,
            NpgsqlDbType.Varchar, NpgsqlDbType.Text,
    ];

    private static readonly NpgsqlDbType[] SpanTypes =
    [
        NpgsqlDbType.Bigint, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Integer,
        NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Integer,
    ];

    private static async Task PostgresAsync(NpgsqlConnection connection, IReadOnlyList<DealRecord> deals, CancellationToken ct)
    {
        // Ids come from the identity sequence first, so COPY can write deals and the rows that point at them.
        await using (var ids = connection.CreateCommand())
        {
            ids.CommandText = "SELECT nextval(pg_get_serial_sequence('deals', 'Id')) FROM generate_series(1, $1)";
            ids.Parameters.Add(new NpgsqlParameter { Value = deals.Count });
            await using var reader = await ids.ExecuteReaderAsync(ct);
            foreach (var d in deals)
            {
                await reader.ReadAsync(ct);
                d.Id = reader.GetInt64(0);
                foreach (var e in d.Events) e.DealId = d.Id;
                foreach (var s in d.Spans) s.DealId = d.Id;
            }
        }
        await CopyAsync(connection, "deals", ["Id", .. DealRows.DealColumns], [NpgsqlDbType.Bigint, .. DealTypes],
            deals, (d, v) =>
        {
            v[0] = d.Id;
            DealRows.Deal(d, v, at: 1);
        }, ct);
        await CopyAsync(connection, "stage_events", DealRows.EventColumns, EventTypes, deals.SelectMany(d => d.Events), DealRows.Event, ct);
        await CopyAsync(connection, "stage_spans", DealRows.SpanColumns, SpanTypes, deals.SelectMany(d => d.Spans), DealRows.Span, ct);
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, string[] columns, NpgsqlDbType[] types,
        IEnumerable<T> rows,
        Action<T, object?[]> fill, CancellationToken ct)
    {
        var values = new object?[columns.Length];
        await using var import =
            await connection.BeginBinaryImportAsync($"COPY {table} ({DealRows.Quoted(columns)}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            fill(row, values);
            await import.StartRowAsync(ct);
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is null) await import.WriteNullAsync(ct);
                else await import.WriteAsync(values[i], types[i], ct);
            }
        }
        await import.CompleteAsync(ct);
    }
}
