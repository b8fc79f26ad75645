using System.Data;
using System.Data.Common;
using Jiedan.Common.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Jiedan.Cli.Db;

/// <summary>One table as copied: its rows and checksum on each side.</summary>
public sealed record CopiedTable(string Table, long Rows, string Checksum);

/// <summary>The copy could not be verified (counts or checksums differ): it was rolled back.</summary>
public sealed class CopyCheckException(string message) : Exception(message);

/// <summary>
/// <c>jiedan db copy</c>: every table of every context, from a consistent snapshot of the source into an empty, migrated
/// target, in one transaction on the target that commits only when each table's row count and checksum equal the source's.
/// Rows keep their ids; PostgreSQL identity sequences continue after the largest id copied.
/// </summary>
public static class DbCopy
{
    private const int Batch = 500;

    public static async Task<IReadOnlyList<CopiedTable>> CopyAsync(DatabaseTarget from, DatabaseTarget to, IReadOnlyList<Type> contexts,
        CancellationToken ct)
    {
        await using var source = Open(from);
        await using var target = Open(to);
        await source.OpenAsync(ct);
        await target.OpenAsync(ct);
        SqlitePragmas.Apply(target);
        // A snapshot: PostgreSQL's repeatable read, SQLite's deferred read transaction (writers carry on in WAL mode).
        await using DbTransaction read = source is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await source.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using var write = await target.BeginTransactionAsync(ct);
        if (to.Provider == DatabaseProvider.Sqlite) await ExecuteAsync(target, write, "PRAGMA defer_foreign_keys = ON", ct);
        var copied = new List<CopiedTable>();
        foreach (var type in contexts)
        {
            await using var reader = JiedanDb.OnConnection(type, from, source);
            await using var writer = JiedanDb.OnConnection(type, to, target);
            await reader.Database.UseTransactionAsync(read, ct);
            await writer.Database.UseTransactionAsync(write, ct);
            foreach (var table in InDependencyOrder(reader.Model))
            {
                var sent = await CopyTableAsync(reader, writer, table, ct);
                var landed = await ChecksumAsync(writer, table, ct);
                if (sent.Rows != landed.Rows || sent.Hex() != landed.Hex())
                    throw new CopyCheckException($"table {table.GetTableName()}: {sent.Rows} rows read but {landed.Rows} written, "
                        + "or their checksums differ; nothing was copied");
                copied.Add(new CopiedTable(table.GetTableName()!, sent.Rows, sent.Hex()));
                if (to.Provider == DatabaseProvider.Postgres) await ContinueIdentityAsync(writer, table, ct);
            }
        }
        await write.CommitAsync(ct);
        return copied;
    }

    private static DbConnection Open(DatabaseTarget target) => target.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(target.ConnectionString)
        : new NpgsqlConnection(target.ConnectionString);

    /// <summary>Tables whose rows others point at come first; owned types travel with their owner.</summary>
    public static IReadOnlyList<IEntityType> InDependencyOrder(IModel model)
    {
        var tables = model.GetEntityTypes().Where(e => !e.IsOwned() && e.GetTableName() is not null && e.FindPrimaryKey() is not null)
            .OrderBy(e => e.GetTableName(), StringComparer.Ordinal).ToList();
        var ordered = new List<IEntityType>();
        var visiting = new HashSet<IEntityType>();
        void Visit(IEntityType e)
        {
            if (ordered.Contains(e) || !visiting.Add(e)) return;
            foreach (var fk in e.GetForeignKeys())
                if (fk.PrincipalEntityType != e && tables.Contains(fk.PrincipalEntityType)) Visit(fk.PrincipalEntityType);
            ordered.Add(e);
        }
        foreach (var t in tables) Visit(t);
        return ordered;
    }

    private static Task<TableChecksum> CopyTableAsync(DbContext reader, DbContext writer, IEntityType table, CancellationToken ct) =>
        ForRowsOf(table, nameof(CopyRowsAsync), reader, writer, table, ct);

    /// <summary>Calls the generic method <paramref name="name"/> for the table's entity type (EF's sets are typed).</summary>
    private static Task<TableChecksum> ForRowsOf(IEntityType table, string name, params object[] arguments) =>
        (Task<TableChecksum>)typeof(DbCopy).GetMethod(name, System.Reflection.BindingFlags.NonPublic
            | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(table.ClrType).Invoke(null, arguments)!;

    private static async Task<TableChecksum> CopyRowsAsync<T>(DbContext reader, DbContext writer, IEntityType table, CancellationToken ct)
        where T : class
    {
        var shadow = table.GetProperties().Where(p => p.IsShadowProperty()).Select(p => p.Name).ToList();
        if (shadow.Count > 0)
            throw new NotSupportedException($"table {table.GetTableName()} has shadow properties ({string.Join(", ", shadow)})");
        var sum = new TableChecksum(table);
        var rows = await reader.Set<T>().AsNoTracking().ToListAsync(ct);
        rows.Sort(ByKey<T>(table));
        var pending = 0;
        foreach (var row in rows)
        {
            sum.Add(row);
            AsUtc(row, table);
            writer.Add(row);
            if (++pending < Batch) continue;
            await writer.SaveChangesAsync(ct);
            writer.ChangeTracker.Clear();
            pending = 0;
        }
        await writer.SaveChangesAsync(ct);
        writer.ChangeTracker.Clear();
        return sum;
    }

    private static Task<TableChecksum> ChecksumAsync(DbContext context, IEntityType table, CancellationToken ct) =>
        ForRowsOf(table, nameof(ReadChecksumAsync), context, table, ct);

    private static async Task<TableChecksum> ReadChecksumAsync<T>(DbContext context, IEntityType table, CancellationToken ct)
        where T : class
    {
        var sum = new TableChecksum(table);
        await foreach (var row in context.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct)) sum.Add(row);
        return sum;
    }

    /// <summary>Parents before children in a table that points at itself: rows in primary-key order.</summary>
    private static Comparison<T> ByKey<T>(IEntityType table)
    {
        var key = table.FindPrimaryKey()!.Properties;
        return (a, b) =>
        {
            foreach (var p in key)
            {
                var c = Comparer<object>.Default.Compare(p.PropertyInfo!.GetValue(a), p.PropertyInfo.GetValue(b));
                if (c != 0) return c;
            }
            return 0;
        };
    }

    /// <summary>SQLite hands instants back without a kind; Jiedan stores UTC, and PostgreSQL insists on being told.</summary>
    private static void AsUtc(object row, IEntityType table)
    {
        foreach (var p in table.GetProperties())
        {
            if (p.PropertyInfo is not { CanWrite: true } info) continue;
            if (info.GetValue(row) is DateTime { Kind: not DateTimeKind.Utc } d)
                info.SetValue(row, DateTime.SpecifyKind(d, DateTimeKind.Utc));
        }
    }

    /// <summary>After explicit ids, a PostgreSQL identity column's next value follows the largest one copied.</summary>
    private static async Task ContinueIdentityAsync(DbContext writer, IEntityType table, CancellationToken ct)
    {
        var identities = table.FindPrimaryKey()!.Properties
            .Where(p => p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(long) || p.ClrType == typeof(int)));
        foreach (var p in identities)
        {
            var (name, column) = (table.GetTableName()!, p.GetColumnName());
            var sequence = $"pg_get_serial_sequence('\"{name}\"', '{column}')";
            var sql = $"SELECT setval({sequence}, COALESCE((SELECT MAX(\"{column}\") FROM \"{name}\"), 0) + 1, false) "
                + $"WHERE {sequence} IS NOT NULL";
#pragma warning disable EF1002 // table and column names come from the model, never from input
            await writer.Database.ExecuteSqlRawAsync(sql, ct);
#pragma warning restore EF1002
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
