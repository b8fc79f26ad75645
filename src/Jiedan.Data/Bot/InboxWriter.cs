using System.Data.Common;
using System.Text;
using System.Threading.Channels;
using Jiedan.Data.Storage;
using Jiedan.Domain.Bot;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jiedan.Data.Bot;

/// <summary>
/// Stores webhook updates with group commit: concurrent requests are queued, a writer takes everything queued
/// (up to <see cref="MaxBatch"/>), inserts it in one transaction (<c>ON CONFLICT DO NOTHING</c> on the
/// update key) and only then releases the requests, which answer 200. One fsync serves a whole batch, so
/// "200 only after durable" costs little per update.
/// A failed batch fails only its own requests (503, the platform delivers again); the writer logs, drops its
/// connection, backs off and carries on with a fresh one. While it backs off new requests fail at once instead of
/// queueing behind an outage. A writer ends only when the application stops.
/// </summary>
public sealed class InboxWriter : IAsyncDisposable
{
    public const int MaxBatch = 512;
    private const int Columns = 7;

    private readonly IDbContextFactory<BotDbContext> contexts;
    private readonly DatabaseProvider provider;
    private readonly TimeProvider time;
    private readonly ILogger log;
    private readonly InboxWriterOptions options;
    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(100_000) { SingleWriter = false });
    private readonly Task[] writers;
    private readonly CancellationTokenSource stopping = new();
    private readonly BotWriteGate gate;
    // Environment.TickCount64 until which new requests fail at once (a monotonic count: backoff is not wall-clock time).
    private long unavailableUntilMs;

    /// <summary>Raised after each commit, so the inbox processor can start without polling.</summary>
    public event Action? Committed;

    /// <summary>When the last batch was committed: background work holds back while webhooks are busy.</summary>
    public DateTime LastCommitUtc { get; private set; }

    public InboxWriter(IDbContextFactory<BotDbContext> contexts, DatabaseTarget target, BotWriteGate gate, TimeProvider time,
        ILogger<InboxWriter>? log = null, InboxWriterOptions? options = null)
    {
        this.contexts = contexts;
        this.gate = gate;
        provider = target.Provider;
        this.time = time;
        this.log = log ?? NullLogger<InboxWriter>.Instance;
        this.options = options ?? new InboxWriterOptions();
        // SQLite has one writer anyway; PostgreSQL commits in parallel, so a few writers keep the batches flowing.
        var count = provider == DatabaseProvider.Sqlite ? 1 : 4;
        writers = [.. Enumerable.Range(0, count).Select(i => Task.Run(() => RunAsync(i)))];
    }

    /// <summary>Completes once the update is committed (a repeated key counts as stored); throws if the commit failed.</summary>
    /// <exception cref="InboxUnavailableException">the database is unavailable; nothing was stored.</exception>
    /// <param name="bot">the configured bot's name.</param>
    /// <param name="message">the update as its adapter read it on arrival: its platform, key and kind are stored with it.</param>
    /// <param name="body">the update as received, kept as evidence.</param>
    public Task StoreAsync(string bot, InboundMessage message, string body, CancellationToken ct)
    {
        if (Environment.TickCount64 < Volatile.Read(ref unavailableUntilMs))
            return Task.FromException(new InboxUnavailableException("the database is unavailable; retrying shortly"));
        var pending = new Pending(message.Platform, bot, message.UpdateKey, message.Kind.ToString(), InboundMessageJson.Write(message),
            body, time.GetUtcNow().UtcDateTime);
        if (!queue.Writer.TryWrite(pending)) return WriteSlowAsync(pending, ct);
        return pending.Done.Task.WaitAsync(ct);
    }

    private async Task WriteSlowAsync(Pending pending, CancellationToken ct)
    {
        await queue.Writer.WriteAsync(pending, ct);
        await pending.Done.Task.WaitAsync(ct);
    }

    private async Task RunAsync(int writer)
    {
        var batch = new List<Pending>(MaxBatch);
        var ct = stopping.Token;
        var backoff = new FaultBackoff(TimeSpan.FromMilliseconds(100), options.MaxBackoff);
        BotDbContext? db = null;
        try
        {
            while (await queue.Reader.WaitToReadAsync(ct))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var p)) batch.Add(p);
                if (batch.Count == 0) continue;
                try
                {
                    db ??= await OpenAsync(ct);
                    // Bounded like the store itself: a background writer stuck on SQLite's lock holds the gate meanwhile.
                    using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    limit.CancelAfter(options.StoreTimeout);
                    using (await gate.EnterUrgentAsync(limit.Token)) await InsertAsync(db.Database.GetDbConnection(), batch, TimeoutSeconds, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    var failure = new InboxUnavailableException("the update could not be stored", e);
                    foreach (var p in batch) p.Done.TrySetException(failure);
                    batch.Clear();
                    // Whatever state the connection is in, the next attempt starts from a new one (and, on PostgreSQL, from
                    // a fresh pool: after a server restart every idle pooled connection is dead).
                    if (db?.Database.GetDbConnection() is Npgsql.NpgsqlConnection npgsql) Npgsql.NpgsqlConnection.ClearPool(npgsql);
                    if (db is not null) await DisposeQuietlyAsync(db);
                    db = null;
                    var wait = backoff.Next();
                    Volatile.Write(ref unavailableUntilMs, Environment.TickCount64 + (long)wait.TotalMilliseconds);
                    log.LogError("Bot inbox writer {Writer}: storing a batch failed ({Failures} in a row): {Error}: {Reason}; retrying in {Ms:0} ms",
                        writer, backoff.Failures, e.GetType().Name, e.Message, wait.TotalMilliseconds);
                    await Task.Delay(wait, ct);
                    continue;
                }
                foreach (var p in batch) p.Done.TrySetResult();
                batch.Clear();
                LastCommitUtc = time.GetUtcNow().UtcDateTime;
                if (backoff.Reset() is > 0 and var failures)
                    log.LogInformation("Bot inbox writer {Writer}: storing again after {Failures} failed attempts", writer, failures);
                try { Committed?.Invoke(); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning("Bot inbox writer {Writer}: a commit listener failed: {Error}", writer, e.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var p in batch) p.Done.TrySetCanceled(CancellationToken.None);
            if (db is not null) await DisposeQuietlyAsync(db);
        }
    }

    private async Task<BotDbContext> OpenAsync(CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct);
        try
        {
            var seconds = TimeoutSeconds;
            db.Database.SetCommandTimeout(seconds);
            await db.Database.OpenConnectionAsync(ct);
            var connection = db.Database.GetDbConnection();
            if (connection is SqliteConnection sqlite)
            {
                // Waiting on SQLite's lock is bounded by the store timeout, not the 30 s every other connection has.
                sqlite.DefaultTimeout = seconds;
                // An acknowledged update must survive power loss, not only a crash: full sync for this connection.
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={(int)options.StoreTimeout.TotalMilliseconds};";
                await pragma.ExecuteNonQueryAsync(ct);
            }
            return db;
        }
        catch
        {
            await DisposeQuietlyAsync(db);
            throw;
        }
    }

    private async Task DisposeQuietlyAsync(BotDbContext db)
    {
        try { await db.DisposeAsync(); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogDebug("Bot inbox writer: closing a broken connection failed: {Error}", e.GetType().Name);
        }
    }

    private int TimeoutSeconds => Math.Max(1, (int)Math.Ceiling(options.StoreTimeout.TotalSeconds));

    private static async Task InsertAsync(DbConnection connection, List<Pending> batch, int timeoutSeconds, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandTimeout = timeoutSeconds;
        var sql = new StringBuilder(
            "INSERT INTO bot_inbound_updates (platform, bot, update_key, kind, message, body, received_at_utc) VALUES ",
            96 + batch.Count * 56);
        for (var i = 0; i < batch.Count; i++)
        {
            if (i > 0) sql.Append(',');
            var n = i * Columns;
            sql.Append('(');
            for (var c = 0; c < Columns; c++) sql.Append(c == 0 ? "@p" : ",@p").Append(n + c);
            sql.Append(')');
            var p = batch[i];
            object[] values = [p.Platform, p.Bot, p.UpdateKey, p.Kind, p.Message, p.Body, p.ReceivedAtUtc];
            for (var c = 0; c < Columns; c++) Add(cmd, n + c, values[c]);
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

    private sealed record Pending(
        string Platform, string Bot, string UpdateKey, string Kind, string Message, string Body, DateTime ReceivedAtUtc)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
