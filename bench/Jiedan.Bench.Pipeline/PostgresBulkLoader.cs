using Jiedan.Deals.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Jiedan.Bench.Pipeline;

/// <summary>Binary COPY of each chunk into the three tables (see <see cref="CompleteAsync"/> for what follows).</summary>
public sealed class PostgresBulkLoader : IBulkLoader
{
    private static readonly NpgsqlDbType[] DealTypes =
    [
        NpgsqlDbType.Bigint, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
        NpgsqlDbType.Numeric, NpgsqlDbType.Varchar, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Boolean, NpgsqlDbType.Varchar,
        NpgsqlDbType.Integer, NpgsqlDbType.TimestampTz, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Varchar,
        NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz, NpgsqlDbType.Integer,
    ];

    private static readonly NpgsqlDbType[] EventTypes =
    [
        NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
        NpgsqlDbType.TimestampTz, NpgsqlDbType.Varchar, NpgsqlDbType.Text,
    ];

    private static readonly NpgsqlDbType[] SpanTypes =
    [
        NpgsqlDbType.Bigint, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Integer,
        NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Integer,
    ];

    private readonly NpgsqlConnection _connection;
    private long _eventId;

    private PostgresBulkLoader(NpgsqlConnection connection) => _connection = connection;

    public static async Task<IBulkLoader> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        return new PostgresBulkLoader(connection);
    }

    public async Task WriteAsync(IReadOnlyList<DealRecord> deals, CancellationToken ct)
    {
        await CopyAsync(BulkColumns.Deals, DealTypes, deals.Select(BulkColumns.DealValues), ct);
        await CopyAsync(BulkColumns.Events, EventTypes, deals.SelectMany(d => d.Events).Select(e => BulkColumns.EventValues(++_eventId, e)),
            ct);
        await CopyAsync(BulkColumns.Spans, SpanTypes, deals.SelectMany(d => d.Spans).Select(BulkColumns.SpanValues), ct);
    }

    private async Task CopyAsync((string Table, string[] Columns) table, NpgsqlDbType[] types, IEnumerable<object?[]> rows,
        CancellationToken ct)
    {
        await using var import = await _connection.BeginBinaryImportAsync(
            $"COPY {table.Table} ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await import.StartRowAsync(ct);
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is null) await import.WriteNullAsync(ct);
                else await import.WriteAsync(row[i], types[i], ct);
            }
        }
        await import.CompleteAsync(ct);
    }

    /// <summary>
    /// Moves the identity sequences past the seeded ids, then VACUUM ANALYZE: what autovacuum does by itself after a bulk
    /// insert (autovacuum_vacuum_insert_threshold), done now instead of whenever it gets round to it. Without the
    /// visibility map it sets, the report's index-only scans still visit the table.
    /// </summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        string[] statements =
        [
            """SELECT setval(pg_get_serial_sequence('deals', 'Id'), (SELECT max("Id") FROM deals))""",
            """SELECT setval(pg_get_serial_sequence('stage_events', 'Id'), (SELECT max("Id") FROM stage_events))""",
            "VACUUM ANALYZE deals", "VACUUM ANALYZE stage_events", "VACUUM ANALYZE stage_spans",
        ];
        foreach (var sql in statements)
        {
            await using var cmd = _connection.CreateCommand();
            cmd.CommandText = sql;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
