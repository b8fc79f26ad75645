using System.Collections.Concurrent;
using System.Net;
using Jiedan.Testing;
using Npgsql;

namespace Jiedan.Bot.Tests.Web;

/// <summary>
/// Two real <c>jiedan serve</c> processes on one PostgreSQL behind a load balancer that alternates between them; one is
/// killed with SIGKILL while the platform still posts. The other one takes over the inbox and the outbox rows the dead
/// one had claimed, and every update gets its reply once.
/// </summary>
public class TwoServeProcessesTests
{
    private const int Total = 160;
    private const int KillAfter = 70;

    [Fact]
    public async Task One_of_two_instances_killed_mid_stream_loses_no_update_and_the_other_sends_each_reply_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await TelegramStandIn.StartAsync();
        await using var database = await TestDatabase.PostgresAsync();
        var environment = BotTestHost.TelegramEnvironment(api.BaseUrl);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await using var a = ServeProcess.Start(database.Argument, environment);
        await a.WaitHealthyAsync(http);
        await using var b = ServeProcess.Start(database.Argument, environment);
        await b.WaitHealthyAsync(http);

        // Both instances work: the first half of the stream is answered before anything is killed.
        const int warmUp = KillAfter / 2;
        await PostAllAsync(http, Enumerable.Range(1, warmUp), i => i % 2 == 0 ? a : b, new ConcurrentDictionary<int, bool>(), ct);
        await Eventually.HoldsAsync(() => RepliedChats(api).Distinct().Count() >= warmUp,
            () => $"{RepliedChats(api).Distinct().Count()} of {warmUp} replied", 60_000);
        var senders = await SendersAsync(database.Target.ConnectionString, ct);
        Assert.True(senders.Count == 2, $"replies were sent by {senders.Count} instance(s) while both ran");

        var acknowledged = new ConcurrentDictionary<int, bool>();
        var killed = 0;
        var dead = new TaskCompletionSource();
        // Process.Kill walks /proc to find the tree, which takes a while on a busy machine: requests not yet sent wait
        // for it, so the stream really goes on after the kill; those already in flight meet it mid-way.
        await PostAllAsync(http, Enumerable.Range(warmUp + 1, Total - warmUp), i => i % 2 == 0 ? a : b, acknowledged, ct,
            beforeEach: () => Volatile.Read(ref killed) == 1 ? dead.Task : Task.CompletedTask,
            afterEach: () =>
            {
                if (acknowledged.Count < KillAfter - warmUp || Interlocked.Exchange(ref killed, 1) != 0) return;
                a.KillHard();
                dead.SetResult();
            });
        Assert.Equal(1, killed);
        var ackedByA = acknowledged.Keys.Count(i => i % 2 == 0);
        Assert.True(acknowledged.Count < Total - warmUp,
            $"the killed instance acknowledged everything: {ackedByA} by A, {acknowledged.Count - ackedByA} by B; {a.Output}");

        // The platform retries what got no 200; the load balancer now sends everything to the survivor.
        var unanswered = Enumerable.Range(warmUp + 1, Total - warmUp).Where(i => !acknowledged.ContainsKey(i)).ToList();
        foreach (var i in unanswered) Assert.Equal(HttpStatusCode.OK, await PostAsync(http, b.BaseAddress, i, ct));
        await Eventually.HoldsAsync(() => RepliedChats(api).Distinct().Count() == Total,
            () => $"{RepliedChats(api).Distinct().Count()} of {Total} chats replied\n{b.Output}", 60_000);
        // A row the dead instance had claimed waits out its lease, then the survivor sends it.
        const string unsent = "SELECT COUNT(*) FROM bot_outbox WHERE sent_at_utc IS NULL AND failed_at_utc IS NULL";
        var db = database.Target.ConnectionString;
        await Eventually.HoldsAsync(async () => await CountAsync(db, unsent, ct) == 0, "the outbox drained", 30_000);
        await Task.Delay(1500, ct); // the survivor polls again: a repeated reply would show by now

        var repeated = RepliedChats(api).GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        // A reply whose call was in flight at the instant of the kill cannot be known to have arrived: sent again.
        Assert.True(repeated.Count <= 1, $"replies repeated for chats {string.Join(", ", repeated)}");
        Assert.Equal(Total, await CountAsync(db, "SELECT COUNT(DISTINCT update_key) FROM bot_inbound_updates", ct));
        Assert.Equal(Total, await CountAsync(db, "SELECT COUNT(*) FROM bot_inbound_updates", ct));
    }

    private static async Task PostAllAsync(HttpClient http, IEnumerable<int> updates, Func<int, ServeProcess> route,
        ConcurrentDictionary<int, bool> acknowledged, CancellationToken ct, Func<Task>? beforeEach = null, Action? afterEach = null) =>
        await Parallel.ForEachAsync(updates, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (i, token) =>
            {
                if (beforeEach is not null) await beforeEach();
                try
                {
                    if (await PostAsync(http, route(i).BaseAddress, i, token) == HttpStatusCode.OK) acknowledged[i] = true;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) when (!token.IsCancellationRequested) { }
                afterEach?.Invoke();
            });

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, Uri server, int i, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "/bots/telegram/main"))
        {
            Content = new StringContent(TelegramUpdates.Message(i, 70_000 + i, TelegramUpdates.Requirement),
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", BotTestHost.TelegramSecret);
        using var response = await http.SendAsync(request, ct);
        return response.StatusCode;
    }

    private static List<long> RepliedChats(TelegramStandIn api) =>
        [.. api.Succeeded("sendMessage").Select(c => c.Body["chat_id"]!.GetValue<long>())];

    private static async Task<List<string>> SendersAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT DISTINCT sent_by FROM bot_outbox WHERE sent_by IS NOT NULL", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var senders = new List<string>();
        while (await reader.ReadAsync(ct)) senders.Add(reader.GetString(0));
        return senders;
    }

    private static async Task<long> CountAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
