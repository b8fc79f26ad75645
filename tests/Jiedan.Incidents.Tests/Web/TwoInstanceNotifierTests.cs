using System.Net;
using System.Text.Json;
using Jiedan.Testing;

namespace Jiedan.Incidents.Tests.Web;

/// <summary>Two instances on one PostgreSQL, each receiving half of a burst of alerts: every incident is posted once.</summary>
public class TwoInstanceNotifierTests
{
    [Fact]
    public async Task Alerts_received_by_two_instances_are_each_posted_to_the_chat_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = await ReceiverHost.StartAsync(TestDatabaseKind.Postgres, ct);
        await using var second = await ReceiverHost.StartAnotherAsync(first);
        using var toFirst = first.CreateAnonymousClient();
        using var toSecond = second.CreateAnonymousClient();
        const int count = 60;

        // Each payload is its own group (its own alert name), so each incident is its own chat message.
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 6, CancellationToken = ct },
            async (i, token) =>
            {
                var json = Payloads.Firing(new Payloads.TestAlert($"Burst{i:D3}", $"{i:x16}", Description: "disk full"));
                using var response = await (i % 2 == 0 ? toFirst : toSecond).SendAsync(ReceiverHost.Post(json), token);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            });
        var incidents = await ReceiverHost.NotifiedAsync(first, count, ct);
        await Task.Delay(1000, ct); // a notifier that read the same rows would have queued its copy by now

        var texts = (await ReceiverHost.OutboxAsync(first, ct))
            .Select(o => JsonDocument.Parse(o.Payload).RootElement.GetProperty("text").GetString()!)
            .ToList();
        Assert.Equal(count, incidents.Count(i => i.PostedAtUtc is not null));
        Assert.Equal(count, texts.Count);
        foreach (var incident in incidents)
            Assert.Single(texts, t => t.Contains(incident.AlertName, StringComparison.Ordinal));
    }
}
