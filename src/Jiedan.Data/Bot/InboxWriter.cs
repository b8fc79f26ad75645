using System.Data.Common;
using System.Text;
using System.Threading.Channels;
using Jiedan.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Data.Bot;

/// <summary>
/// Stores webhook updates with group commit: concurrent requests are queued, a writer takes everything queued
/// (up to <see cref="MaxBatch"/>), inserts it in one transaction (<c>ON CONFLICT DO NOTHING</c> on the
/// update key) and only then releases the requests, which answer 200. One fsync serves a whole batch, so
/// "200 only after durable" costs little per update.
/// </summary>
public sealed class InboxWriter : IAsyncDisposable
{
    public const int MaxBatch = 512;
    private const int Columns = 5;

    private readonly IDbContextFactory<BotDbContext> contexts;
    private readonly DatabaseProvider provider;
    private readonly TimeProvider time;
    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(100_000) { SingleWriter = false });
    private readonly Task[] writers;
    private readonly CancellationTokenSource stopping = new();

    /// <summary>Raised after each commit, so the inbox processor can start without polling.</summary>
    public event Action? Committed;

    /// <summary>When the last batch was committed: background work holds back while webhooks are busy.</summary>
    public DateTime LastCommitUtc { get; private set; }

    private readonly BotWriteGate gate;

    public InboxWriter(IDbContextFactory<BotDbContext> contexts, DatabaseTarget target, BotWriteGate gate, TimeProvider time)
    {
        this.contexts = contexts;
        this.gate = gate;
        provider = target.Provider;
        this.time = time;
        // SQLite has one writer anyway; PostgreSQL commits in parallel, so a few writers keep the batches flowing.
        var count = provider == DatabaseProvider.Sqlite ? 1 : 4;
        writers = [.. Enumerable.Range(0, count).Select(_ => Task.Run(RunAsync))];
    }

    /// <summary>Completes once the update is committed (a repeated key counts as stored); throws if the commit failed.</summary>
    public Task StoreAsync(string platform, string bot, string updateKey, string body, CancellationToken ct)
    {
        var pending = new Pending(platform, bot, updateKey, body, time.GetUtcNow().UtcDateTime);
        if (!queue.Writer.TryWrite(pending)) return WriteSlowAsync(pending, ct);
        return pending.Done.Task.WaitAsync(ct);
    }

    private async Task WriteSlowAsync(Pending pending, CancellationToken ct)
    {
        await queue.Writer.WriteAsync(pending, ct);
        await pending.Done.Task.WaitAsync(ct);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        var ct = stopping.Token;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connection = db.Database.GetDbConnection();
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            if (provider == DatabaseProvider.Sqlite)
            {
                // An acknowledged update must survive power loss, not only a crash: full sync for this connection.
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA synchronous=FULL;";
                await pragma.ExecuteNonQueryAsync(ct);
            }
            while (await queue.Reader.WaitToReadAsync(ct))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var p)) batch.Add(p);
                if (batch.Count == 0) continue;
                try
                {
                    using (await gate.EnterUrgentAsync(ct)) await InsertAsync(connection, batch, ct);
                    foreach (var p in batch) p.Done.TrySetResult();
                    LastCommitUtc = DateTime.UtcNow;
                    Committed?.Invoke();
                }
                catch (Exception e) when (e is DbException or InvalidOperationException)
                {
                    foreach (var p in batch) p.Done.TrySetException(e);
                    if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var p in batch) p.Done.TrySetCanceled(CancellationToken.None);
        }
    }

    private static async Task InsertAsync(DbConnection connection, List<Pending> batch, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        var sql = new StringBuilder("INSERT INTO bot_inbound_updates (platform, bot, update_key, body, received_at_utc) VALUES ", 64 + batch.Count * 40);
        for (var i = 0; i < batch.Count; i++)
        {
            if (i > 0) sql.Append(',');
            var n = i * Columns;
            sql.Append("(@p").Append(n).Append(",@p").Append(n + 1).Append(",@p").Append(n + 2).Append(",@p").Append(n + 3).Append(",@p").Append(n + 4).Append(')');
            Add(cmd, n, batch[i].Platform);
            Add(cmd, n + 1, batch[i].Bot);
            Add(cmd, n + 2, batch[i].UpdateKey);
            Add(cmd, n + 3, batch[i].Body);
            Add(cmd, n + 4, batch[i].ReceivedAtUtc);
        }
        sql.Append(" ON CONFLICT (platform, bot, update_key) DO NOTHING");
        cmd.CommandText = sql.ToString();
        await cmd.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static void Add(DbCommand cmd, int index, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = "@p" + index;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    public async ValueTask DisposeAsync()
    {
        // Drain what was accepted; whatever is still queued after the grace period is refused (never answered 200).
        queue.Writer.TryComplete();
        var all = Task.WhenAll(writers.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(5)));
        await stopping.CancelAsync();
        await all;
        while (queue.Reader.TryRead(out var p)) p.Done.TrySetCanceled(CancellationToken.None);
        stopping.Dispose();
    }

    private sealed record Pending(string Platform, string Bot, string UpdateKey, string Body, DateTime ReceivedAtUtc)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
