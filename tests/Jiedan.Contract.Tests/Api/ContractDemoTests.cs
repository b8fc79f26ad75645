using System.Net;
using System.Text;
using Jiedan.Contract.Services;
using Jiedan.Contract.Storage;
using Jiedan.Deals.Storage;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Contract.Tests.Api;

/// <summary>
/// The demo puts requirements on demo deals in later stages, so the contract API and /contract/{id} show data; removing the
/// demo deletes those and leaves a real deal's contract alone.
/// </summary>
public sealed class ContractDemoTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<RequirementVersionRecord>> VersionsAsync(JiedanTestServer server)
    {
        using var scope = server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContractDbContext>().RequirementVersions.AsNoTracking()
            .OrderBy(r => r.Id).ToListAsync(Ct);
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Demo_contracts_show_on_later_demo_deals_and_removing_the_demo_keeps_real_contracts(TestDatabaseKind kind)
    {
        await using var server = await JiedanTestServer.StartAsync(kind, demo: true);
        using var client = server.CreateClient();
        List<long> demoDeals;
        using (var scope = server.Services.CreateScope())
        {
            var deals = scope.ServiceProvider.GetRequiredService<DealsDbContext>();
            demoDeals = await deals.Deals.Where(d => d.IsDemo).Select(d => d.Id).ToListAsync(Ct);
        }

        var versions = await VersionsAsync(server);
        Assert.Equal(6, versions.Count);
        Assert.Equal(5, versions.Select(v => v.DealId).Distinct().Count());
        Assert.All(versions, v => Assert.Contains(v.DealId, demoDeals));
        Assert.All(versions, v => Assert.Equal(ContractDemoSeeder.Actor, v.CreatedBy));
        var shop = Assert.Single(versions, v => v.Number == 2);
        Assert.Equal("shop", shop.Service);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/deals/{shop.DealId}/contract", Ct)).StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/contract/{shop.DealId}", Ct));
        Assert.Contains("OrderLine", page);
        Assert.Contains("1.4.2", page);

        var real = await ApiDeals.CreateAsync(client, Ct);
        using var yaml = new StringContent(ParityTests.SampleText, Encoding.UTF8, "application/yaml");
        Assert.Equal(HttpStatusCode.Created, (await client.PutAsync($"/api/v1/deals/{real}/contract", yaml, Ct)).StatusCode);

        using (var scope = server.Services.CreateScope())
            Assert.Equal(6, await new ContractModule().RemoveDemoAsync(scope.ServiceProvider, demoDeals, Ct));
        var left = Assert.Single(await VersionsAsync(server));
        Assert.Equal(real, left.DealId);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/deals/{real}/contract", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/deals/{shop.DealId}/contract", Ct)).StatusCode);
    }
}
