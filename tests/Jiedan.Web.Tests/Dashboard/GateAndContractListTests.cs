using System.Net;
using System.Text;
using Jiedan.Gate.Storage;
using Jiedan.Testing;
using Jiedan.Web.Tests.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Web.Tests.Dashboard;

/// <summary>/gate and /contracts: empty states that say what to do, then the runs and contracts across deals.</summary>
public class GateAndContractListTests
{
    private const string Requirement = """
        service: orders
        version: 0.1.0
        entities:
          Order:
            fields:
              name: { type: string, required: true, min_length: 1, max_length: 200 }
            operations: [create, get, list, update, delete]
        """;

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Gate_runs_and_contracts_are_listed_across_deals(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await JiedanTestServer.StartAsync(kind);
        await OwnerPassword.SetAsync(server);
        using var session = new DashboardSession(server.BaseAddress);
        await session.LoginAsync(OwnerPassword.Value);
        Assert.Contains("jiedan gate DIR --deal ID", await PageAsync(session, "/gate"));
        Assert.Contains("Open the contract editor", await PageAsync(session, "/contracts"));

        using var api = server.CreateClient();
        var first = await ApiDeals.CreateAsync(api, ct);
        var second = await ApiDeals.CreateAsync(api, ct);
        long older, newer;
        using (var scope = server.Services.CreateScope())
        {
            var runs = scope.ServiceProvider.GetRequiredService<GateRunStore>();
            older = (await runs.AddAsync(Run(first, passed: true, new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc)), ct))!.Id;
            newer = (await runs.AddAsync(Run(second, passed: false, new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc)), ct))!.Id;
        }
        var gate = await PageAsync(session, "/gate");
        Assert.True(gate.IndexOf($"data-run=\"{newer}\"", StringComparison.Ordinal) <
            gate.IndexOf($"data-run=\"{older}\"", StringComparison.Ordinal), "newest first");
        Assert.Contains($"href=\"/deals/{second}\"", gate);
        Assert.Contains($"/api/v1/deals/{first}/gate-runs/{older}/report?format=html", gate);
        Assert.Contains(">Failed<", gate);

        for (var i = 0; i < 2; i++)
        {
            var put = await api.PutAsync($"/api/v1/deals/{first}/contract",
                new StringContent(Requirement, Encoding.UTF8, "text/yaml"), ct);
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(ct));
        }
        var contracts = await PageAsync(session, "/contracts");
        Assert.Contains($"href=\"/contract/{first}\"", contracts);
        Assert.Contains($"<td class=\"num\">2</td>", contracts);
        Assert.Contains("<span class=\"ok\">complete</span>", contracts);
        Assert.DoesNotContain($"href=\"/contract/{second}\"", contracts);
    }

    private static GateRunRecord Run(long dealId, bool passed, DateTime at) => new()
    {
        DealId = dealId, CreatedAtUtc = at, Passed = passed, Checks = 5, Blocking = passed ? 0 : 2,
        EvidenceSha256 = new string('a', 64), Project = "orders", ChecklistJson = "{}", ReportHtml = "<p>r</p>", ReportMarkdown = "r",
    };

    private static async Task<string> PageAsync(DashboardSession session, string path)
    {
        var response = await session.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
