using System.Collections.Concurrent;
using System.Net;
using Jiedan.Testing;
using Microsoft.Data.Sqlite;

namespace Jiedan.Bot.Tests.Web;

public class CrashTests
{
    [Fact]
    public async Task Kill_minus_nine_mid_stream_loses_no_acknowledged_update_and_sends_each_reply_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await TelegramStandIn.StartAsync();
        var dir = Directory.CreateTempSubdirectory("jiedan-bot-crash-");
        var db = Path.Combine(dir.FullName, "bot.db");
        var environment = BotTestHost.TelegramEnvironment(api.BaseUrl);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        const int total = 150;
        const int killAfter = 60;
        var acknowledged = new ConcurrentDictionary<long, bool>();

        await using (var first = ServeProcess.Start(db, environment))
        {
            await first.WaitHealthyAsync(http);
            var killed = 0;
            await Parallel.ForEachAsync(Enumerable.Range(1, total),
                new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
            {
                if (Volatile.Read(ref killed) == 1) return;
                try
                {
                    if (await Post(http, first.BaseAddress, i, token) == HttpStatusCode.OK) acknowledged[i] = true;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) when (!token.IsCancellationRequested) { }
                if (acknowledged.Count >= killAfter && Interlocked.Exchange(ref killed, 1) == 0) first.KillHard();
            });
            Assert.True(acknowledged.Count >= killAfter);
        }

        // Before any restart: straight from the file the dead process left, every acknowledged update is there, once.
        var stored = ReadStoredUpdateIds(db);
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Empty(acknowledged.Keys.Except(stored));
        var sentBeforeRestart = api.Succeeded("sendMessage").Count;

        // The platform redelivers everything it has no 200 for — here, all of it, repeats included.
        await using (var second = ServeProcess.Start(db, environment))
        {
            await second.WaitHealthyAsync(http);
            await Parallel.ForEachAsync(Enumerable.Range(1, total),
                new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
                Assert.Equal(HttpStatusCode.OK, await Post(http, second.BaseAddress, i, token)));
            await Eventually.HoldsAsync(() => api.Succeeded("sendMessage").Select(ChatOf).Distinct().Count() == total,
                () => $"a reply for each of {total} updates; {api.Succeeded("sendMessage").Select(ChatOf).Distinct().Count()} so far; " +
                    $"{Describe(db)}\n{second.Output}", 60_000);
            await Task.Delay(1000, ct); // the sender polls again: a repeated reply would show by now
        }

        var perChat = api.Succeeded("sendMessage").GroupBy(ChatOf).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(total, perChat.Count);
        var repeated = perChat.Where(p => p.Value > 1).Select(p => p.Key).ToList();
        // A reply whose HTTP call was in flight at the instant of the kill cannot be known to have been delivered
        // (Telegram has no idempotency key): it is sent again. The sender makes one call at a time, so at most one.
        Assert.True(repeated.Count <= 1,
            $"replies repeated for chats {string.Join(", ", repeated)} (sent before restart: {sentBeforeRestart})");
        var final = ReadStoredUpdateIds(db);
        Assert.Equal(total, final.Count);
        Assert.Equal(total, final.Distinct().Count());
        SqliteConnection.ClearAllPools();
        dir.Delete(recursive: true);
    }

    private static string Describe(string db)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT (SELECT COUNT(*) FROM bot_inbound_updates), (SELECT COUNT(*) FROM bot_inbound_updates WHERE " +
            "processed_at_utc IS NULL), " +
                          "(SELECT COUNT(*) FROM bot_outbox), (SELECT COUNT(*) FROM bot_outbox WHERE sent_at_utc IS NULL), (SELECT " +
                              "group_concat(DISTINCT last_error) FROM bot_outbox)";
        using var r = cmd.ExecuteReader();
        r.Read();
        return $"inbox {r.GetInt64(0)} (unprocessed {r.GetInt64(1)}), outbox {r.GetInt64(2)} (unsent {r.GetInt64(3)}), errors: " +
            $"{(r.IsDBNull(4) ? "" : r.GetString(4))}";
    }

    private static long ChatOf(TelegramStandIn.Call call) => call.Body["chat_id"]!.GetValue<long>();

    private static async Task<HttpStatusCode> Post(HttpClient http, Uri server, int i, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "/bots/telegram/main"))
        {
            Content = new StringContent(TelegramUpdates.Message(i, 50_000 + i, TelegramUpdates.Requirement), System.Text.Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", BotTestHost.TelegramSecret);
        using var response = await http.SendAsync(request, ct);
        return response.StatusCode;
    }

    private static List<long> ReadStoredUpdateIds(string db)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT update_key FROM bot_inbound_updates";
        using var r = cmd.ExecuteReader();
        var ids = new List<long>();
        while (r.Read()) ids.Add(long.Parse(r.GetString(0), System.Globalization.CultureInfo.InvariantCulture));
        return ids;
    }
}
