using System.Net;
using Jiedan.Credibility.Audit;
using Jiedan.Credibility.Conversion;
using Jiedan.Credibility.Storage;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Credibility.Conversion;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Credibility.Tests.Audit;

/// <summary>
/// The demo stores a few audits of repositories under the reserved host demo.invalid, so /audits shows data; removing the
/// demo deletes them and the demo deals' conversion scorings, and leaves real audits and a real deal's scoring alone.
/// </summary>
public sealed class AuditDemoTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Demo_audits_show_on_the_audits_page_and_removing_the_demo_keeps_real_audits_and_scorings(TestDatabaseKind kind)
    {
        await using var server = await JiedanTestServer.StartAsync(kind, demo: true);
        using var client = server.CreateClient();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/audits", Ct));
        Assert.Contains("demo.invalid/studio/orders-api", page);
        Assert.Contains("demo.invalid/studio/helpdesk-cli", page);

        var real = await ApiDeals.CreateAsync(client, Ct);
        List<long> demoDeals;
        using (var scope = server.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            demoDeals = await services.GetRequiredService<DealsDbContext>().Deals.Where(d => d.IsDemo).Select(d => d.Id).ToListAsync(Ct);
            var audits = services.GetRequiredService<AuditDbContext>();
            Assert.Equal(4, await audits.Audits.CountAsync(Ct));
            audits.Audits.Add(new RepositoryAuditRecord
            {
                Repository = "github.com/acme/orders", CreatedAtUtc = new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc), Score = 77,
                ChecksJson = "[]",
            });
            await audits.SaveChangesAsync(Ct);
            Assert.NotNull(await services.GetRequiredService<ConversionService>()
                .RecordAsync(real, DemoScorings.For(true, new Random(7)), Ct));
        }
        int demoScorings;
        using (var scope = server.Services.CreateScope())
        {
            var scores = scope.ServiceProvider.GetRequiredService<ConversionDbContext>().Scores;
            demoScorings = await scores.CountAsync(s => demoDeals.Contains(s.DealId), Ct);
            Assert.True(demoScorings >= 30, $"{demoScorings} demo scorings");
        }

        using (var scope = server.Services.CreateScope())
            Assert.Equal(demoScorings + 4, await new CredibilityModule().RemoveDemoAsync(scope.ServiceProvider, demoDeals, Ct));
        using (var scope = server.Services.CreateScope())
        {
            var audit = Assert.Single(await scope.ServiceProvider.GetRequiredService<AuditDbContext>().Audits.ToListAsync(Ct));
            Assert.Equal("github.com/acme/orders", audit.Repository);
            var scoring = Assert.Single(await scope.ServiceProvider.GetRequiredService<ConversionDbContext>().Scores.ToListAsync(Ct));
            Assert.Equal(real, scoring.DealId);
        }
        Assert.DoesNotContain("demo.invalid", WebUtility.HtmlDecode(await client.GetStringAsync("/audits", Ct)));
    }
}
