using System.Data.Common;
using System.Text;
using System.Threading.Channels;
using Jiedan.Common.Storage;
using Jiedan.Domain.Bot;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jiedan.Bot.Storage;

/// <summary>
/// Stores webhook updates with group commit: concurrent requests are queued, a writer takes everything queued
/// (up to <see cref="MaxBatch"/>), inserts it in one transaction (<c>ON CONFLICT DO NOTHING</c> on the
/// update key) and only then releases the requests, which answer 200. One fsync serves a whole batch, so
/// "200 only after durable" costs little per update.
/// A failed batch fails only its own requests (503, the platform delivers again); the writer logs, drops its
/// connection, backs off and carries on with a fresh one. While it backs off new requests fail at once instead of
/// queueing behind an outage. A writer ends only when the application stops.
/// </summary>
public sealed partial class InboxWriter : IAsyncDisposable
{
    public const int MaxBatch = 512;
    private const int Columns = 7;

    private readonly IDbContextFactory<BotDbContext> _contexts;
    private readonly DatabaseProvider _provider;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly InboxWriterOptions _options;
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(100_000) { SingleWriter = false });
    private readonly Task[] _writers;
    private readonly CancellationTokenSource _stopping = new();
    private readonly BotWriteGate _gate;
    // Environment.TickCount64 until which new requests fail at once (a monotonic count: backoff is not wall-clock time).
    private long _unavailableUntilMs;

    /// <summary>Raised after each commit, so the inbox processor can start without polling.</summary>
    public event Action? Committed;

    /// <summary>When the last batch was committed: background work holds back while webhooks are busy.</summary>
    public DateTime LastCommitUtc { get; private set; }

    public InboxWriter(IDbContextFactory<BotDbContext> contexts, DatabaseTarget target, BotWriteGate gate, TimeProvider time,
        ILogger<InboxWriter>? log = null, InboxWriterOptions? options = null)
    {
        _contexts = contexts;
        _gate = gate;
        _provider = target.Provider;
        _time = time;
        _log = log ?? NullLogger<InboxWriter>.Instance;
        _options = options ?? new InboxWriterOptions();
        // SQLite has one writer anyway; PostgreSQL commits in parallel, so a few writers keep the batches flowing.
        var count = _provider == DatabaseProvider.Sqlite ? 1 : 4;
        _writers = [.. Enumerable.Range(0, count).Select(i => Task.Run(() => RunAsync(i)))];
    }

    /// <summary>Completes once the update is committed (a repeated key counts as stored); throws if the commit failed.</summary>
    /// <exception cref="InboxUnavailableException">the database is unavailable; nothing was stored.</exception>
    /// <param name="bot">the configured bot's name.</param>
    /// <param name="message">the update as its adapter read it on arrival: its platform, key and kind are stored with it.</param>
    /// <param name="body">the update as received, kept as evidence.</param>
    public Task StoreAsync(string bot, InboundMessage message, string body, CancellationToken ct)
    {
        if (Environment.TickCount64 < Volatile.Read(ref _unavailableUntilMs))
            return Task.FromException(new InboxUnavailableException("the database is unavailable; retrying shortly"));
        var pending = new Pending(message.Platform, bot, message.UpdateKey, message.Kind.ToString(), InboundMessageJson.Write(message),
            body, _time.GetUtcNow().UtcDateTime);
        if (!_queue.Writer.TryWrite(pending)) return WriteSlowAsync(pending, ct);
        return pending.Done.Task.WaitAsync(ct);
    }

    private async Task WriteSlowAsync(Pending pending, CancellationToken ct)
    {
        await _queue.Writer.WriteAsync(pending, ct);
        await pending.Done.Task.WaitAsync(ct);
    }

    private async Task RunAsync(int writer)
    {
        var batch = new List<Pending>(MaxBatch);
        var ct = _stopping.Token;
        var backoff = new FaultBackoff(TimeSpan.FromMilliseconds(100), _options.MaxBackoff);
        BotDbContext? db = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(ct))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var p)) batch.Add(p);
                if (batch.Count == 0) continue;
                try
                {
                    db ??= await OpenAsync(ct);
                    // Bounded like the store itself: a background writer stuck on SQLite's lock holds the gate meanwhile.
                    using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    limit.CancelAfter(_options.StoreTimeout);
                    using (await _gate.EnterUrgentAsync(limit.Token))
                        await InsertAsync(db.Database.GetDbConnection(), batch, TimeoutSeconds, ct);
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
                    Volatile.Write(ref _unavailableUntilMs, Environment.TickCount64 + (long)wait.TotalMilliseconds);
                    LogStoreFailed(_log, writer, backoff.Failures, e.GetType().Name, e.Message, wait.TotalMilliseconds);
                    await Task.Delay(wait, ct);
                    continue;
                }
                foreach (var p in batch) p.Done.TrySetResult();
                batch.Clear();
                LastCommitUtc = _time.GetUtcNow().UtcDateTime;
                if (backoff.Reset() is > 0 and var failures)
                    LogStoringAgain(_log, writer, failures);
                try { Committed?.Invoke(); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogListenerFailed(_log, writer, e.GetType().Name);
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
        var db = await _contexts.CreateDbContextAsync(ct);
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
                pragma.CommandText = $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={(int)_options.StoreTimeout.TotalMilliseconds};";
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
#pragma warning disable CA1873 // GetType().Name is a field read, and this runs only after a failed close
            LogCloseFailed(_log, e.GetType().Name);
#pragma warning restore CA1873
        }
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Bot inbox writer {Writer}: storing a batch failed ({Failures} in a row): {Error}: {Reason}; retrying in {Ms:0} ms")]
    private static partial void LogStoreFailed(ILogger log, int writer, int failures, string error, string reason, double ms);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot inbox writer {Writer}: storing again after {Failures} failed attempts")]
    private static partial void LogStoringAgain(ILogger log, int writer, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot inbox writer {Writer}: a commit listener failed: {Error}")]
    private static partial void LogListenerFailed(ILogger log, int writer, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bot inbox writer: closing a broken connection failed: {Error}")]
    private static partial void LogCloseFailed(ILogger log, string error);

    private int TimeoutSeconds => Math.Max(1, (int)Math.Ceiling(_options.StoreTimeout.TotalSeconds));

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
        _queue.Writer.TryComplete();
        var all = Task.WhenAll(_writers.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(5)));
        await _stopping.CancelAsync();
        await all;
        while (_queue.Reader.TryRead(out var p)) p.Done.TrySetCanceled(CancellationToken.None);
        _stopping.Dispose();
    }

    private sealed record Pending(
        string Platform, string Bot, string UpdateKey, string Kind, string Message, string Body, DateTime ReceivedAtUtc)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
