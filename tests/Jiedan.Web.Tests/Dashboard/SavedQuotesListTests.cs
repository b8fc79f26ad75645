using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jiedan.Testing;
using Jiedan.Web.Tests.Security;

namespace Jiedan.Web.Tests.Dashboard;

/// <summary>/quote lists the saved quotes, newest first, with their deal and documents; empty, it says how to save one.</summary>
public class SavedQuotesListTests
{
    private const string Spec = """
        title: 订单履约服务 Order fulfilment API
        platform: upwork
        seniority: senior
        size: { lines: 12480 }
        function_points:
          - feature: Place order
            chain: OrderCreated → InventoryDeduct
            steps: { OrderCreated: EI average, InventoryDeduct: ILF average }
        sla: { p99_ms: 150, uptime_percent: 99.95 }
        """;

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task The_quote_page_lists_saved_quotes_newest_first_with_their_deal(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await JiedanTestServer.StartAsync(kind);
        await OwnerPassword.SetAsync(server);
        using var session = new DashboardSession(server.BaseAddress);
        await session.LoginAsync(OwnerPassword.Value);
        var empty = await PageAsync(session);
        Assert.Contains("id=\"quote-recent-none\"", empty);

        using var api = server.CreateClient();
        var dealId = await ApiDeals.CreateAsync(api, ct);
        var onDeal = await SaveAsync(api, $"/api/v1/quotes?dealId={dealId}", ct);
        var alone = await SaveAsync(api, "/api/v1/quotes", ct);

        var page = await PageAsync(session);
        Assert.DoesNotContain("id=\"quote-recent-none\"", page);
        var newer = page.IndexOf($"data-quote=\"{alone}\"", StringComparison.Ordinal);
        var older = page.IndexOf($"data-quote=\"{onDeal}\"", StringComparison.Ordinal);
        Assert.True(newer >= 0 && older > newer, "both listed, newest first");
        Assert.Contains($"href=\"/deals/{dealId}\"", page[older..]);
        Assert.Contains($"/api/v1/quotes/{onDeal}/pdf", page);
        Assert.Contains("订单履约服务 Order fulfilment API", page);
    }

    private static async Task<long> SaveAsync(HttpClient api, string path, CancellationToken ct)
    {
        var created = await api.PostAsync(path, new StringContent(Spec, Encoding.UTF8, "application/yaml"), ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
    }

    private static async Task<string> PageAsync(DashboardSession session)
    {
        var response = await session.GetAsync("/quote");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
