using System.Net;
using Jiedan.Bot.Tests.Web;
using Jiedan.Common.Cli;
using Jiedan.Incidents.Storage;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Incidents.Tests.Web;

/// <summary>A real <c>jiedan serve</c> killed with SIGKILL while Alertmanager posts: nothing answered 200 is lost.</summary>
public class CrashTests
{
    [Fact]
    public async Task Kill_minus_nine_loses_no_acknowledged_alert_and_a_retry_after_restart_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = TestDatabase.Sqlite();
        var environment = new Dictionary<string, string> { ["Alerts__Alertmanager__prod__BearerToken"] = ReceiverHost.Token };
        var payloads = Enumerable.Range(0, 60)
            .Select(i => i.ToString("x16", System.Globalization.CultureInfo.InvariantCulture))
            .Select(f => (Fingerprint: f, Json: Payloads.Firing(new Payloads.TestAlert("CrashAlert", f, Description: "disk full"))))
            .ToList();
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();

        await using (var first = ServeProcess.Start(database.Argument, environment))
        {
            using var client = new HttpClient { BaseAddress = first.BaseAddress };
            await first.WaitHealthyAsync(client);
            var killed = 0;
            var options = new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct };
            await Parallel.ForEachAsync(payloads, options, async (p, token) =>
            {
                try
                {
                    using var response = await client.SendAsync(ReceiverHost.Post(p.Json), token);
                    if (response.StatusCode == HttpStatusCode.OK) acknowledged.Add(p.Fingerprint);
                }
                catch (HttpRequestException) { return; }
                if (acknowledged.Count >= 20 && Interlocked.Exchange(ref killed, 1) == 0) first.KillHard();
            });
            Assert.Equal(1, killed);
        }
        Assert.InRange(acknowledged.Count, 20, payloads.Count - 1);

        await using (var second = ServeProcess.Start(database.Argument, environment))
        {
            using var client = new HttpClient { BaseAddress = second.BaseAddress };
            await second.WaitHealthyAsync(client);
            var (provider, _) = CliServices.Build(database.Argument, Needs.Of(IncidentsModule.RegisterData));
            await using (provider)
            {
                var contexts = provider.GetRequiredService<IDbContextFactory<IncidentsDbContext>>();
                await using (var db = await contexts.CreateDbContextAsync(ct))
                {
                    var stored = await db.Incidents.Select(i => i.Fingerprint).ToListAsync(ct);
                    Assert.Empty(acknowledged.Except(stored));
                    Assert.Equal(stored.Count, stored.Distinct().Count());
                }
                var events = 0;
                await using (var db = await contexts.CreateDbContextAsync(ct)) events = await db.Events.CountAsync(ct);
                foreach (var p in payloads.Where(p => acknowledged.Contains(p.Fingerprint)))
                    Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ReceiverHost.Post(p.Json), ct)).StatusCode);
                await using (var db = await contexts.CreateDbContextAsync(ct)) Assert.Equal(events, await db.Events.CountAsync(ct));

                // Alerts stored before the kill get their suggestions worked out by the restarted notifier.
                var watch = System.Diagnostics.Stopwatch.StartNew();
                while (true)
                {
                    await using var db = await contexts.CreateDbContextAsync(ct);
                    if (!await db.Incidents.AnyAsync(i => i.NotifiedAtUtc == null, ct)) break;
                    Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "pending incidents were not picked up after the restart");
                    await Task.Delay(100, ct);
                }
            }
        }
    }
}
