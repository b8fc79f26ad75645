using Jiedan.Bot.Storage;

namespace Jiedan.Bot.Services;

/// <summary>Tunables of the outbox sender (<c>Bots:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public int BatchSize { get; set; } = 20;
    /// <summary>
    /// How long a claim holds. A row is only sent while more than <see cref="SendTimeout"/> of its lease is left, so
    /// no other instance can take it while its call is under way; after a crash its rows wait this long.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>The HTTP timeout of one platform API call.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(20);
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxRetry { get; set; } = TimeSpan.FromMinutes(10);
    public int MaxAttempts { get; set; } = 12;
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Delivers outbox rows: claims a batch under a lease, sends each in order, records the result. Failures are
/// rescheduled with exponential backoff and jitter, or after Telegram's <c>retry_after</c> when it gives one.
/// Because the retry time lives in the row, a restart keeps the schedule.
/// </summary>
public sealed class OutboxSenderService(
    OutboxStore store, IEnumerable<IPlatformSender> senders, OutboxSignal signal, OutboxOptions options, TimeProvider time,
    ILogger<OutboxSenderService> log) : BackgroundService
{
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly Dictionary<string, IPlatformSender> _byPlatform = senders.ToDictionary(s => s.Platform);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new FaultBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                IReadOnlyList<OutboxItem> items = [];
                try
                {
                    var leaseEnds = time.GetUtcNow() + options.Lease;
                    items = await store.ClaimAsync(_instance, options.BatchSize, options.Lease, stoppingToken);
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (leaseEnds - time.GetUtcNow() <= options.SendTimeout)
                        {
                            await store.ReleaseAsync(_instance, items.Skip(i).Select(x => x.Id), stoppingToken);
                            break;
                        }
                        await DeliverAsync(items[i], stoppingToken);
                    }
                    if (backoff.Reset() is > 0 and var failures) log.OutboxResumed(failures);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Usually the database is away. Type and message only: payloads and API URLs (with tokens) stay out of the log.
                    var wait = backoff.Next();
                    log.OutboxRoundFailed(backoff.Failures, e.GetType().Name, e.Message, wait.TotalMilliseconds);
                    await Task.Delay(wait, stoppingToken);
                    continue;
                }
                if (items.Count < options.BatchSize) await signal.WaitAsync(options.IdlePoll, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(OutboxItem item, CancellationToken ct)
    {
        var outcome = _byPlatform.TryGetValue(item.Platform, out var sender)
            ? await sender.SendAsync(item, ct)
            : new SendOutcome.Failed($"no sender for platform {item.Platform}");
        switch (outcome)
        {
            case SendOutcome.Sent:
                await store.MarkSentAsync(_instance, item.Id, ct);
                break;
            case SendOutcome.Retry r when item.Attempts + 1 < options.MaxAttempts:
                var wait = r.After ?? Backoff(item.Attempts);
                log.OutboxRetry(item.Id, item.Platform, item.Method, r.Error, wait.TotalSeconds);
                await store.MarkRetryAsync(_instance, item.Id, r.Error, time.GetUtcNow().UtcDateTime + wait, ct);
                break;
            case SendOutcome.Retry r:
                log.OutboxGaveUp(item.Id, item.Platform, item.Method, item.Attempts + 1, r.Error);
                await store.MarkFailedAsync(_instance, item.Id, r.Error, ct);
                break;
            case SendOutcome.Failed f:
                log.OutboxRefused(item.Id, item.Platform, item.Method, f.Error);
                await store.MarkFailedAsync(_instance, item.Id, f.Error, ct);
                break;
        }
    }

    /// <summary>Exponential backoff with full jitter, capped: 1 s, 2 s, 4 s, … up to <see cref="OutboxOptions.MaxRetry"/>.</summary>
    private TimeSpan Backoff(int attempts)
    {
        var ceiling = Math.Min(options.MaxRetry.TotalMilliseconds, options.FirstRetry.TotalMilliseconds * Math.Pow(2, attempts));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }
}
