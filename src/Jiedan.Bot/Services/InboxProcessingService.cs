using Jiedan.Bot.Storage;
using Jiedan.Common.Background;

namespace Jiedan.Bot.Services;

/// <summary>
/// Runs the confirmation core over the stored inbox: woken by each inbox commit, and polling as well so that
/// updates stored before a crash (or by another instance) are picked up. Also expires overdue confirmations.
/// </summary>
public sealed class InboxProcessingService(
    InboxProcessor processor, InboxWriter inbox, OutboxSignal outbox, InboxOptions options, TimeProvider time,
    ILogger<InboxProcessingService> log)
    : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        inbox.Committed += Wake;
        var nextSweep = DateTimeOffset.MinValue;
        var backoff = new FaultBackoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var handled = 0;
                try
                {
                    handled = await processor.ProcessBatchAsync(stoppingToken);
                    if (time.GetUtcNow() >= nextSweep)
                    {
                        handled += await processor.ExpireDueAsync(stoppingToken);
                        nextSweep = time.GetUtcNow().AddSeconds(30);
                    }
                    if (handled > 0) outbox.Wake();
                    if (backoff.Reset() is > 0 and var failures) log.InboxResumed(failures);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Nothing was committed; the same updates are tried again (a concurrent instance may have won a row,
                    // or the database is away). Logged by type and message only: update bodies stay out of the log.
                    var wait = backoff.Next();
                    log.InboxBatchFailed(backoff.Failures, e.GetType().Name, e.Message, wait.TotalMilliseconds);
                    await Task.Delay(wait, stoppingToken);
                    continue;
                }
                if (handled < InboxProcessor.BatchSize) await _wake.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
                else if (time.GetUtcNow().UtcDateTime - inbox.LastCommitUtc < TimeSpan.FromMilliseconds(100))
                    // Webhooks are busy: acknowledging comes first, the backlog is worked off in short turns.
                    await Task.Delay(options.BusyPause, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            inbox.Committed -= Wake;
        }
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try { _wake.Release(); }
            catch (SemaphoreFullException) { }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}

/// <summary>Tunables of inbox processing (<c>Bots:Inbox</c>).</summary>
public sealed class InboxOptions
{
    /// <summary>Pause between full batches while webhooks are busy, so acknowledging keeps the CPU and the write lock.</summary>
    public TimeSpan BusyPause { get; set; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>Lets the inbox processor wake the outbox sender as soon as it has written replies.</summary>
public sealed class OutboxSignal : WakeSignal;
