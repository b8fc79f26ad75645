using System.Net;
using System.Text.RegularExpressions;
using Jiedan.Testing;

namespace Jiedan.Incidents.Tests.Web;

/// <summary>
/// Many notifications at once, as Alertmanager sends them after an outage: the receiver commits them in groups, so every
/// request must still get its own answer, each alert be stored once, and each group get its own chat message.
/// </summary>
public class BurstTests
{
    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Concurrent_notifications_and_their_retries_are_each_stored_once_and_each_group_is_posted(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ReceiverHost.StartAsync(kind, ct);
        using var client = server.CreateAnonymousClient();
        const int groups = 40;
        var payloads = Enumerable.Range(0, groups).Select(i => Payloads.Firing(new Payloads.TestAlert(
            $"BurstAlert{i}", $"{i:x4}aabbccdd0011", Summary: $"disk {i} on worker-{i % 7} is almost full"))).ToList();

        // Every notification twice, all at once: the copy is what Alertmanager sends when an answer was lost.
        var statuses = await Task.WhenAll(payloads.Concat(payloads).Select(async json =>
        {
            using var response = await client.SendAsync(ReceiverHost.Post(json), ct);
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var incidents = await ReceiverHost.NotifiedAsync(server, groups, ct);
        Assert.Equal(groups, incidents.Select(i => i.Fingerprint).Distinct().Count());
        Assert.Equal(groups, await ReceiverHost.EventCountAsync(server, ct));
        var outbox = await ReceiverHost.OutboxAsync(server, ct);
        Assert.Equal(groups, outbox.Count);
        Assert.All(incidents, i => Assert.NotNull(i.PostedAtUtc));
        var posted = outbox.Select(o => Regex.Match(o.Payload, "BurstAlert[0-9]+").Value);
        Assert.Equal(Enumerable.Range(0, groups).Select(i => $"BurstAlert{i}").Order(StringComparer.Ordinal),
            posted.Order(StringComparer.Ordinal));
    }
}
