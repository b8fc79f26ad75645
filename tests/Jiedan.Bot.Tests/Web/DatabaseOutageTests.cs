using System.Net;
using Jiedan.Common.Storage;
using Jiedan.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Bot.Tests.Web;

/// <summary>
/// The database goes away while Telegram keeps delivering: webhooks answer 503 (never hang, never 200 for an update
/// not stored), then 200 once it is back, and every update that was answered 200 is in the inbox exactly once.
/// </summary>
public class DatabaseOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Settings(string api) => new(BotTestHost.TelegramSettings(api))
    {
        ["Bots:Inbox:StoreTimeout"] = "00:00:01",
        ["Bots:Inbox:MaxBackoff"] = "00:00:00.300",
    };

    [Fact]
    public async Task PostgreSQL_StoppedMidStream_Answers503ThenLosesNothing()
    {
        await using var server = await PrivatePostgres.StartAsync();
        await using var api = await TelegramStandIn.StartAsync();
        await using var host = await BotTestHost.StartAsync(DatabaseTarget.Parse(server.ConnectionString), Settings(api.BaseUrl));
        var stream = new Delivery(host);

        await stream.SendUntilAsync(HttpStatusCode.OK, atLeast: 20);
        await server.StopAsync();
        await stream.SendUntilAsync(HttpStatusCode.ServiceUnavailable, atLeast: 5);
        await server.StartAgainAsync();
        await stream.SendUntilAsync(HttpStatusCode.OK, atLeast: 20);
        await stream.RedeliverRefusedAsync();

        await stream.AssertInboxHoldsEveryAcknowledgedUpdateOnceAsync();
    }

    [Fact]
    public async Task SQLite_LockedMidStream_Answers503ThenLosesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var api = await TelegramStandIn.StartAsync();
        await using var host = await BotTestHost.StartAsync(db.Target, Settings(api.BaseUrl));
        var stream = new Delivery(host);

        await stream.SendUntilAsync(HttpStatusCode.OK, atLeast: 20);
        // Root ignores file permissions, so "unwritable" is another connection holding SQLite's write lock.
        var unpooled = new SqliteConnectionStringBuilder(db.Target.ConnectionString) { Pooling = false }.ConnectionString;
        await using (var locker = new SqliteConnection(unpooled))
        {
            await locker.OpenAsync(Ct);
            await using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE; INSERT INTO bot_inbound_updates (platform, bot, update_key, body, received_at_utc) "
                    + "VALUES ('telegram', 'lock', 'lock', '{}', '2026-01-01');";
                await begin.ExecuteNonQueryAsync(Ct);
            }
            await stream.SendUntilAsync(HttpStatusCode.ServiceUnavailable, atLeast: 3);
            await using var rollback = locker.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync(Ct);
        }
        await stream.SendUntilAsync(HttpStatusCode.OK, atLeast: 20);
        await stream.RedeliverRefusedAsync();

        await stream.AssertInboxHoldsEveryAcknowledgedUpdateOnceAsync();
    }

    /// <summary>A platform delivering numbered updates one after another, remembering each answer.</summary>
    private sealed class Delivery(BotTestHost host)
    {
        private readonly HashSet<long> _acknowledged = [];
        private readonly HashSet<long> _refused = [];
        private long _next = 1000;
        private TimeSpan _slowest;

        public async Task SendUntilAsync(HttpStatusCode wanted, int atLeast)
        {
#pragma warning disable RS0030 // a wall-clock deadline while polling a real server
            var until = DateTime.UtcNow.AddSeconds(30);
#pragma warning restore RS0030
            var seen = 0;
            while (seen < atLeast)
            {
#pragma warning disable RS0030 // a wall-clock deadline while polling a real server
                Assert.True(DateTime.UtcNow < until,
                    $"only {seen} answers {(int)wanted} in 30 s (200: {_acknowledged.Count}, 503: {_refused.Count})");
#pragma warning restore RS0030
                if (await SendAsync(_next++) == wanted) seen++;
            }
        }

        /// <summary>The platform delivers every refused update again, until it is acknowledged.</summary>
        public async Task RedeliverRefusedAsync()
        {
#pragma warning disable RS0030 // a wall-clock deadline while polling a real server
            var until = DateTime.UtcNow.AddSeconds(30);
#pragma warning restore RS0030
            foreach (var id in _refused.ToList())
            {
#pragma warning disable RS0030 // a wall-clock deadline while polling a real server
                while (await SendAsync(id) != HttpStatusCode.OK) Assert.True(DateTime.UtcNow < until, $"update {id} never acknowledged");
#pragma warning restore RS0030
            }
        }

        public async Task AssertInboxHoldsEveryAcknowledgedUpdateOnceAsync()
        {
            var keys = await host.WithDbAsync(d => d.InboundUpdates.Where(u => u.Bot == "main").Select(u => u.UpdateKey).ToListAsync(Ct));
            Assert.Equal(keys.Count, keys.Distinct().Count());
            Assert.Equal(_acknowledged.Order().Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                keys.Select(long.Parse).Order().Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.True(_refused.Count > 0);
            TestContext.Current.TestOutputHelper?.WriteLine($"acknowledged {_acknowledged.Count}, refused with 503 {_refused.Count} (all " +
                $"redelivered), slowest answer {_slowest.TotalMilliseconds:0} ms");
        }

        private async Task<HttpStatusCode> SendAsync(long id)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            using var request = new HttpRequestMessage(HttpMethod.Post, "/bots/telegram/main")
            {
                Content = new StringContent(TelegramUpdates.Message(id, 42, "hello"), System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", BotTestHost.TelegramSecret);
            HttpResponseMessage response;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try { response = await host.Client.SendAsync(request, timeout.Token); }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested) { throw new Xunit.Sdk.XunitException($"update {id}: no " +
                $"answer in 10 s"); }
            if (clock.Elapsed > _slowest) _slowest = clock.Elapsed;
            using (response)
            {
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable,
                    $"update {id}: {(int)response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.OK) _acknowledged.Add(id);
                else
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    _refused.Add(id);
                }
                return response.StatusCode;
            }
        }
    }
}
