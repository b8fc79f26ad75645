using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Jiedan.Testing;

namespace Jiedan.Incidents.Tests.Web;

/// <summary>Real Alertmanager payloads over HTTP against Kestrel, on SQLite and PostgreSQL.</summary>
public class AlertmanagerWebhookTests
{
    private static readonly Payloads.TestAlert Disk = new("NodeDiskSpaceLow", "6f1c2a9e0b3d4c5a",
        Summary: "Filesystem /var on worker-4 has 3% space left", Labels: new Dictionary<string, string> { ["mountpoint"] = "/var" });

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_firing_alert_is_stored_before_200_matched_and_posted_to_the_deal_chat(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ReceiverHost.StartAsync(kind, ct);
        using var client = server.CreateAnonymousClient();

        var watch = Stopwatch.StartNew();
        using var response = await client.SendAsync(ReceiverHost.Post(Payloads.Firing(Disk)), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(await ReceiverHost.AlertmanagerIncidentsAsync(server, ct));
        Assert.Equal(("NodeDiskSpaceLow", "firing", 5L), (stored.AlertName, stored.Status, stored.DealId));

        var incident = Assert.Single(await ReceiverHost.NotifiedAsync(server, 1, ct));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"suggestions queued after {watch.Elapsed}");
        Assert.True(incident.Confident);
        using var matches = JsonDocument.Parse(incident.MatchesJson!);
        Assert.Equal("NodeFilesystemAlmostFull", matches.RootElement[0].GetProperty("title").GetString());
        var message = Assert.Single(await ReceiverHost.OutboxAsync(server, ct));
        Assert.Equal(("telegram", "main", "sendMessage"), (message.Platform, message.Bot, message.Method));
        using var payload = JsonDocument.Parse(message.Payload);
        Assert.Equal(ReceiverHost.ChatId, payload.RootElement.GetProperty("chat_id").ToString());
        var text = payload.RootElement.GetProperty("text").GetString()!;
        Assert.Contains("NodeDiskSpaceLow", text);
        Assert.Contains("1. NodeFilesystemAlmostFull", text);
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_repeated_payload_changes_nothing_and_resolved_closes_the_incident(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ReceiverHost.StartAsync(kind, ct);
        using var client = server.CreateAnonymousClient();

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ReceiverHost.Post(Payloads.Firing(Disk)), ct)).StatusCode);
        var before = Assert.Single(await ReceiverHost.NotifiedAsync(server, 1, ct));
        Assert.Equal(1, await ReceiverHost.EventCountAsync(server, ct));
        Assert.Single(await ReceiverHost.OutboxAsync(server, ct));

        var resolved = Disk with { Status = "resolved", EndsAt = "2026-11-30T08:11:00Z" };
        for (var i = 0; i < 2; i++)
        {
            var json = Payloads.Group("resolved", 0, resolved);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ReceiverHost.Post(json), ct)).StatusCode);
        }
        var after = Assert.Single(await ReceiverHost.AlertmanagerIncidentsAsync(server, ct));
        Assert.Equal(before.Id, after.Id);
        Assert.Equal("resolved", after.Status);
        Assert.Equal(new DateTime(2026, 11, 30, 8, 11, 0, DateTimeKind.Utc), after.ResolvedAtUtc);
        Assert.Equal(2, await ReceiverHost.EventCountAsync(server, ct));
        // Resolved: the chat is asked once which suggestion fixed it (the second resolved notification asks nothing).
        await Jiedan.Bot.Tests.Web.Eventually.HoldsAsync(async () => (await ReceiverHost.OutboxAsync(server, ct)).Count == 2,
            "the chat is asked what fixed it");
        await Task.Delay(300, ct);
        var outbox = await ReceiverHost.OutboxAsync(server, ct);
        Assert.Equal(2, outbox.Count);
        Assert.Contains("Which suggestion fixed it?", outbox[1].Payload);

        // The same fingerprint firing again later is a new incident.
        var again = Disk with { StartsAt = "2026-11-30T10:00:00Z" };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ReceiverHost.Post(Payloads.Firing(again)), ct)).StatusCode);
        Assert.Equal(2, (await ReceiverHost.NotifiedAsync(server, 2, ct)).Count);

        using var anonymous = server.CreateAnonymousClient();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/incidents", ct)).StatusCode);
        using var owner = server.CreateClient();
        var page = WebUtility.HtmlDecode(await owner.GetStringAsync("/incidents", ct));
        Assert.Contains("NodeDiskSpaceLow", page);
        Assert.Contains("NodeFilesystemAlmostFull", page);
        Assert.Contains("11.0 min", page);
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_grouped_truncated_notification_is_one_message_that_shows_the_truncation(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ReceiverHost.StartAsync(kind, ct);
        using var client = server.CreateAnonymousClient();
        var json = Payloads.Group("firing", 2,
            Disk,
            new("ContainerMemoryKilled", "0b1c2d3e4f5a6b7c", Description: "Container api was OOMKilled: memory above its limit"),
            new("WatchdogHeartbeat", "1c2d3e4f5a6b7c8d", Description: "This alert always fires"));

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ReceiverHost.Post(json), ct)).StatusCode);

        var incidents = await ReceiverHost.NotifiedAsync(server, 3, ct);
        Assert.All(incidents, i => Assert.Equal(2, i.TruncatedAlerts));
        Assert.False(incidents.Single(i => i.AlertName == "WatchdogHeartbeat").Confident);
        var text = JsonDocument.Parse(Assert.Single(await ReceiverHost.OutboxAsync(server, ct)).Payload)
            .RootElement.GetProperty("text").GetString()!;
        Assert.Contains("KubePodOOMKilled", text);
        Assert.Contains("no confident match", text);
        Assert.Contains("2 alerts truncated", text);
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_wrong_or_missing_token_is_401_before_the_body_is_read_and_nothing_is_stored(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ReceiverHost.StartAsync(kind, ct);
        using var client = server.CreateAnonymousClient();
        var json = Payloads.Firing(Disk);

        var refused = new[]
        {
            ReceiverHost.Post(json, token: null),
            ReceiverHost.Post(json, token: "am-token-5b0c8e2"),
            ReceiverHost.Post(json, token: ReceiverHost.Token + "x"),
            ReceiverHost.Post(json, token: "other-token"),
            ReceiverHost.Post(json, token: "other-token", url: "/alerts/alertmanager/unknown"),
            ReceiverHost.Post(json, token: "", url: "/alerts/alertmanager/notoken"),
            // Oversized and malformed: still 401, the body is never looked at.
            ReceiverHost.Post(new string('x', 3 << 20), token: "wrong"),
            ReceiverHost.Post("{not json", token: "wrong"),
        };
        var basic = ReceiverHost.Post(json, token: null);
        basic.Headers.Authorization = new("Basic", Convert.ToBase64String("prod:am-token-5b0c8e2f"u8.ToArray()));
        foreach (var request in refused.Append(basic))
        {
            using var response = await client.SendAsync(request, ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        Assert.Empty(await ReceiverHost.AlertmanagerIncidentsAsync(server, ct));
        Assert.Equal(0, await ReceiverHost.EventCountAsync(server, ct));
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Bad_payloads_get_problem_json_naming_the_field_and_nothing_is_stored(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ReceiverHost.StartAsync(kind, ct);
        using var client = server.CreateAnonymousClient();
        var cases = new (string Body, HttpStatusCode Status, string Field)[]
        {
            ("{\"version\":\"4\",\"alerts\":[{\"SECRET\" oops", HttpStatusCode.BadRequest, "body"),
            (Payloads.Firing(Disk).Replace("\"version\":\"4\"", "\"version\":\"3\"", StringComparison.Ordinal), HttpStatusCode.BadRequest,
                "version"),
            (Payloads.Firing(Disk with { Fingerprint = "not-hex!" }), HttpStatusCode.BadRequest, "alerts[0].fingerprint"),
            (Payloads.Firing(Disk with { StartsAt = "SECRET" }), HttpStatusCode.BadRequest, "alerts[0].startsAt"),
            ("{\"version\":\"4\",\"alerts\":[],\"pad\":\"" + new string('a', 2 << 20) + "\"}", HttpStatusCode.RequestEntityTooLarge,
                "body"),
        };
        var watch = Stopwatch.StartNew();
        foreach (var (body, status, field) in cases)
        {
            using var response = await client.SendAsync(ReceiverHost.Post(body), ct);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync(ct);
            Assert.DoesNotContain("SECRET", text);
            using var problem = JsonDocument.Parse(text);
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{field} in {text}");
        }
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Empty(await ReceiverHost.AlertmanagerIncidentsAsync(server, ct));
    }

    [Fact]
    public async Task The_receiver_is_rate_limited_like_the_bot_webhooks()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Alerts:Alertmanager:prod:BearerToken"] = ReceiverHost.Token,
            ["RateLimits:Bots:PermitLimit"] = "2",
            ["RateLimits:Bots:WindowSeconds"] = "60",
        });
        using var client = server.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(ReceiverHost.Post(Payloads.Firing(Disk), token: "wrong"), ct);
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }
}
