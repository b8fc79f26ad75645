using System.Net;
using Jiedan.Bot.Storage;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Incidents;
using Jiedan.Incidents.Services;
using Jiedan.Incidents.Storage;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Incidents.Tests.Web;

/// <summary>
/// The demo fills /incidents (firing and resolved, with MTTR) and /knowledge without posting anything to a chat, even for a
/// deal that has one; removing the demo deletes those rows and leaves a real incident and a real knowledge entry alone.
/// </summary>
public sealed class IncidentDemoTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<IncidentsDbContext> IncidentsAsync(JiedanTestServer server) =>
        await server.Services.GetRequiredService<IDbContextFactory<IncidentsDbContext>>().CreateDbContextAsync(Ct);

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Demo_incidents_and_knowledge_show_without_chat_posts_and_removing_them_keeps_real_rows(TestDatabaseKind kind)
    {
        await using var server = await JiedanTestServer.StartAsync(kind, demo: true);
        using var client = server.CreateClient();
        List<long> demoDeals;
        List<IncidentRecord> seeded;
        await using (var db = await IncidentsAsync(server)) seeded = await db.Incidents.AsNoTracking().OrderBy(i => i.Id).ToListAsync(Ct);
        using (var scope = server.Services.CreateScope())
        {
            demoDeals = await scope.ServiceProvider.GetRequiredService<DealsDbContext>().Deals.Where(d => d.IsDemo).Select(d => d.Id)
                .ToListAsync(Ct);
            // Give the demo deals a chat: the notifier would post to it if it took the demo incidents for new ones.
            var bot = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            var at = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
            var conversation = new ConversationRecord { Platform = "telegram", Bot = "main", ChatId = "4242", ClientName = "李总",
                FirstSeenUtc = at, LastMessageUtc = at };
            bot.Conversations.Add(conversation);
            await bot.SaveChangesAsync(Ct);
            foreach (var (dealId, n) in seeded.Select(i => i.DealId!.Value).Distinct().Select((d, n) => (d, n)))
                bot.Confirmations.Add(new ConfirmationRecord
                {
                    Id = 900 + n, ConversationId = conversation.Id, ChatId = "4242", Version = 1, State = "Confirmed", ItemsJson = "[]",
                    DecisionsJson = "[]", CreatedAtUtc = at, ExpiresAtUtc = at.AddDays(7), UpdatedAtUtc = at, DealId = dealId,
                });
            await bot.SaveChangesAsync(Ct);
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<IncidentNotifier>().NotifyPendingAsync(Ct));
            Assert.Equal(0, await bot.Outbox.CountAsync(Ct));
        }

        Assert.Equal(5, seeded.Count);
        Assert.All(seeded, i => Assert.Contains(i.DealId!.Value, demoDeals));
        Assert.Equal((3, 2), (seeded.Count(i => i.Status == "resolved"), seeded.Count(i => i.Status == "firing")));
        var incidents = WebUtility.HtmlDecode(await client.GetStringAsync("/incidents", Ct));
        Assert.Contains("HighRequestLatency", incidents);
        Assert.Contains("SSLCertExpiringSoon", incidents);
        Assert.Contains("id=\"incidents-mttr\"", incidents);
        var knowledge = WebUtility.HtmlDecode(await client.GetStringAsync("/knowledge", Ct));
        Assert.Contains("OrdersApiLatencyHigh", knowledge);
        Assert.Contains("CertificateExpiringSoon", knowledge);

        var real = await ApiDeals.CreateAsync(client, Ct);
        await using (var db = await IncidentsAsync(server))
        {
            var at = new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);
            db.Incidents.Add(new IncidentRecord
            {
                Receiver = "prod", Fingerprint = "4f1c2d3e4a5b6c7d", StartsAtUtc = at, AlertName = "DiskAlmostFull", DealId = real,
                Status = "resolved", Origin = IncidentStore.AlertmanagerOrigin, ReceivedAtUtc = at, ResolvedAtUtc = at.AddMinutes(30),
                NotifiedAtUtc = at, FixAskedAtUtc = at,
            });
            await db.SaveChangesAsync(Ct);
        }
        var editor = server.Services.GetRequiredService<KnowledgeEditor>();
        Assert.Equal(KnowledgeEditor.Outcome.Saved,
            (await editor.SaveAsync(null, new KnowledgeEntry("DiskAlmostFull", "dashboard", 0) { Component = "disk" }, Ct)).Outcome);

        using (var scope = server.Services.CreateScope())
            // 5 incidents and 3 entries, and the 13 nodes of their paths (symptoms, components, configuration items, patch)
            Assert.Equal(8 + 13, await new IncidentsModule().RemoveDemoAsync(scope.ServiceProvider, demoDeals, Ct));
        await using (var db = await IncidentsAsync(server))
        {
            Assert.Equal(real, Assert.Single(await db.Incidents.ToListAsync(Ct)).DealId);
            Assert.Equal("DiskAlmostFull", Assert.Single(await db.Entries.ToListAsync(Ct)).Title);
            Assert.Equal(["DiskAlmostFull"], await db.Nodes.Where(n => n.Kind == KbNodeKinds.Fix).Select(n => n.Name).ToListAsync(Ct));
            var left = await db.Nodes.OrderBy(n => n.Kind).Select(n => n.Kind + ":" + n.Name).ToListAsync(Ct);
            Assert.Equal(["component:disk", "fix:DiskAlmostFull", "symptom:DiskAlmostFull"], left);
            Assert.Equal(2, await db.Edges.CountAsync(Ct));
        }
        Assert.DoesNotContain("OrdersApiLatencyHigh", WebUtility.HtmlDecode(await client.GetStringAsync("/knowledge", Ct)));
    }
}
