namespace Jiedan.Incidents.Services;

/// <summary>
/// Runs the <see cref="IncidentNotifier"/> when the receiver signals, and every few seconds in case a signal was missed.
/// Where receivers are configured, each round first makes sure the matcher is built for what is stored (a change made by
/// another process, such as <c>jiedan kb import</c>, starts a rebuild within one round), so alerts seldom wait for one.
/// </summary>
public sealed partial class IncidentNotifierService(IncidentNotifier notifier, KnowledgeBase knowledge, AlertReceivers receivers,
    IncidentSignal signal, ILogger<IncidentNotifierService> log) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (receivers.Any) await knowledge.MatcherAsync(stoppingToken, waitForNewer: TimeSpan.Zero);
                while (await notifier.NotifyPendingAsync(stoppingToken) > 0) { }
                failures = 0;
                await signal.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                failures++;
                NotifyFailed(log, failures, e.GetType().Name, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(failures, 5))), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "incident notifier failed ({Failures} in a row): {Error}: {Reason}")]
    private static partial void NotifyFailed(ILogger log, int failures, string error, string reason);
}
