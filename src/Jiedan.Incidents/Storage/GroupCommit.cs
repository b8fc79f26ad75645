using System.Collections.Concurrent;

namespace Jiedan.Incidents.Storage;

/// <summary>
/// Group commit for the receiver: each request queues its notification and waits for a turn to write; whoever gets the
/// turn writes everything queued so far (up to <see cref="MaxBatch"/>) in one transaction and answers every request in
/// it. One request alone is written at once; under a burst, many share one commit. If a batch fails, each of its
/// notifications is written on its own, so one bad notification cannot fail the others.
/// </summary>
public sealed class GroupCommit(IncidentStore store) : IDisposable
{
    public const int MaxBatch = 64;

    private readonly ConcurrentQueue<Queued> _queued = new();
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Stores <paramref name="notification"/>; returns how many of its alerts were new, once committed.</summary>
    public async Task<int> IngestAsync(AlertNotification notification, CancellationToken ct)
    {
        var mine = new Queued(notification);
        _queued.Enqueue(mine);
        // A request that gives up while waiting leaves its notification queued: it may still be stored, which is safe
        // (Alertmanager sends it again and ingestion is idempotent).
        await _writer.WaitAsync(ct);
        try
        {
            while (!mine.Stored.Task.IsCompleted) await WriteBatchAsync();
        }
        finally { _writer.Release(); }
        return await mine.Stored.Task;
    }

    // Not cancelled by the request that happens to hold the turn: the batch carries other requests' notifications.
    private async Task WriteBatchAsync()
    {
        var batch = new List<Queued>(MaxBatch);
        while (batch.Count < MaxBatch && _queued.TryDequeue(out var next)) batch.Add(next);
        if (batch.Count == 0) return;
        try
        {
            var added = await store.IngestAsync(batch.Select(q => q.Notification).ToList(), CancellationToken.None);
            for (var i = 0; i < batch.Count; i++) batch[i].Stored.SetResult(added[i]);
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var one in batch) await WriteAloneAsync(one);
        }
        catch (Exception e) { batch[0].Stored.SetException(e); }
    }

    private async Task WriteAloneAsync(Queued one)
    {
        try { one.Stored.SetResult((await store.IngestAsync([one.Notification], CancellationToken.None))[0]); }
        catch (Exception e) { one.Stored.SetException(e); }
    }

    public void Dispose() => _writer.Dispose();

    private sealed class Queued(AlertNotification notification)
    {
        public AlertNotification Notification { get; } = notification;
        public TaskCompletionSource<int> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
