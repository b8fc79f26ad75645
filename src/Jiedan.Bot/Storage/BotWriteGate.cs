using System.Diagnostics;
using Jiedan.Common.Storage;

namespace Jiedan.Bot.Storage;

/// <summary>
/// SQLite has one writer at a time; when two connections in this process collide, the loser sleeps in SQLite's
/// busy handler (in steps of up to 100 ms) — poison for webhook latency. The bot's writers take turns here
/// instead, and wake the moment the other is done. Webhook commits go first: background work (processing,
/// outbox bookkeeping) enters only when no webhook batch is waiting. On PostgreSQL the gate is open.
/// </summary>
public sealed class BotWriteGate(DatabaseTarget target) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly bool _needed = target.Provider == DatabaseProvider.Sqlite;
    private static readonly TimeSpan MaxYield = TimeSpan.FromMilliseconds(50);
    private int _urgentWaiting;

    /// <summary>For writes a client is waiting on (webhook acknowledgements).</summary>
    public async ValueTask<Turn> EnterUrgentAsync(CancellationToken ct)
    {
        if (!_needed) return new Turn(null);
        Interlocked.Increment(ref _urgentWaiting);
        try { await _gate.WaitAsync(ct); }
        finally { Interlocked.Decrement(ref _urgentWaiting); }
        return new Turn(_gate);
    }

    /// <summary>
    /// For background writes: yields to urgent writers that are waiting, but for at most <see cref="MaxYield"/> in all;
    /// then it queues behind them (the gate serves waiters in turn), so a steady stream of webhooks cannot starve the
    /// work that answers them.
    /// </summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken ct)
    {
        if (!_needed) return new Turn(null);
        var yielding = Stopwatch.StartNew();
        while (yielding.Elapsed < MaxYield)
        {
            while (Volatile.Read(ref _urgentWaiting) > 0 && yielding.Elapsed < MaxYield) await Task.Delay(1, ct);
            await _gate.WaitAsync(ct);
            if (Volatile.Read(ref _urgentWaiting) == 0) return new Turn(_gate);
            _gate.Release();
        }
        await _gate.WaitAsync(ct);
        return new Turn(_gate);
    }

    public void Dispose() => _gate.Dispose();

    public readonly struct Turn(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }
}
