using System.Diagnostics;
using Jiedan.Bot.Storage;
using Jiedan.Common.Storage;

namespace Jiedan.Bot.Tests.Storage;

/// <summary>The write gate lets webhook commits go first, but a steady stream of them must not starve background work.</summary>
public class WriteGateTests
{
    [Fact]
    public async Task A_background_writer_gets_a_turn_while_urgent_writers_never_stop_arriving()
    {
        var ct = TestContext.Current.CancellationToken;
        using var gate = new BotWriteGate(new DatabaseTarget(DatabaseProvider.Sqlite, "Data Source=unused.db"));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Four urgent writers, each holding the gate 2 ms and queueing again at once: there is always one waiting.
        var urgent = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using (await gate.EnterUrgentAsync(stop.Token)) await Task.Delay(2, CancellationToken.None);
            }
        }, CancellationToken.None)).ToList();
        await Task.Delay(100, ct);

        var waited = Stopwatch.StartNew();
        var background = gate.EnterAsync(ct).AsTask();
        var finished = await Task.WhenAny(background, Task.Delay(TimeSpan.FromSeconds(10), ct));
        waited.Stop();
        stop.Cancel();
        await Task.WhenAll(urgent.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

        Assert.Same(background, finished);
        (await background).Dispose();
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(5), $"background writer waited {waited.Elapsed}");
    }
}
