using Jiedan.Common.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jiedan.Bot.Storage;

/// <summary>
/// A batch of rows one instance works through and marks: the inbox processor's updates, the incident notifier's incidents.
/// On PostgreSQL the rows the batch reads stay locked against other instances (<c>FOR UPDATE SKIP LOCKED</c>, in a
/// transaction) until the batch is saved, so several instances share the work without doing any of it twice. SQLite has
/// one writer process, whose background services run alone; its save goes through the <see cref="BotWriteGate"/>.
/// </summary>
public sealed class BatchClaim : IAsyncDisposable
{
    private readonly DbContext _db;
    private readonly IDbContextTransaction? _transaction;

    private BatchClaim(DbContext db, IDbContextTransaction? transaction) => (_db, _transaction) = (db, transaction);

    public static async Task<BatchClaim> BeginAsync(DbContext db, DatabaseTarget target, CancellationToken ct) =>
        target.Provider == DatabaseProvider.Postgres
            ? new BatchClaim(db, await db.Database.BeginTransactionAsync(ct))
            : new BatchClaim(db, null);

    /// <summary>The batch's SELECT, with the lock clause where rows are claimed.</summary>
    public string Sql(string select) => _transaction is null ? select : select + " FOR UPDATE SKIP LOCKED";

    /// <summary>Saves what the batch changed and releases its rows.</summary>
    public async Task SaveAsync(BotWriteGate gate, CancellationToken ct)
    {
        using (await gate.EnterAsync(ct))
        {
            await _db.SaveChangesAsync(ct);
            if (_transaction is not null) await _transaction.CommitAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null) await _transaction.DisposeAsync();
    }
}
