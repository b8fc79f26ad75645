using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiedan.Gate.Storage;
using Jiedan.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Gate.Tests.Api;

/// <summary>Gate runs stored on a deal, read back through the real HTTP pipeline on SQLite and PostgreSQL.</summary>
public sealed class GateApiTests(JiedanServerFixture servers) : IClassFixture<JiedanServerFixture>
{
    private static readonly byte[] Pdf = "%PDF-1.7\n交付验收清单\n%%EOF\n"u8.ToArray();

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Lists_runs_newest_first_and_serves_the_reports(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var server = await servers.ServerAsync(kind);
        using var client = server.CreateClient();
        var created = await client.PostAsJsonAsync("/api/v1/deals",
            new { client = "Acme 客户", platform = "Upwork", category = "ApiService", seniority = "Mid" }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dealId = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();

        long first, second;
        using (var scope = server.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<GateRunStore>();
            first = (await store.AddAsync(
                Run(dealId, new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc), passed: false, pdf: null), ct))!.Id;
            second = (await store.AddAsync(
                Run(dealId, new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc), passed: true, pdf: Pdf), ct))!.Id;
#pragma warning disable RS0030 // the server under test stamps runs with the system clock
            Assert.Null(await store.AddAsync(Run(dealId + 1000, DateTime.UtcNow, true, null), ct));
#pragma warning restore RS0030
        }

        var runs = await client.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{dealId}/gate-runs", ct);
        Assert.Equal([second, first], runs.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        Assert.True(runs[0].GetProperty("passed").GetBoolean());
        Assert.Equal(new string('a', 64), runs[0].GetProperty("evidenceSha256").GetString());

        var pdf = await client.GetAsync($"/api/v1/deals/{dealId}/gate-runs/{second}/report?format=pdf", ct);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await pdf.Content.ReadAsByteArrayAsync(ct));
        var html = await client.GetStringAsync($"/api/v1/deals/{dealId}/gate-runs/{second}/report", ct);
        Assert.Contains("交付验收清单", html);
        var checklist = await client.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{dealId}/gate-runs/{second}", ct);
        Assert.True(checklist.GetProperty("passed").GetBoolean());

        // The deal page shows the history with download links (the PDF only where one was stored).
        var page = await client.GetStringAsync($"/deals/{dealId}", ct);
        Assert.Contains($"/api/v1/deals/{dealId}/gate-runs/{second}/report?format=pdf", page);
        Assert.DoesNotContain($"/api/v1/deals/{dealId}/gate-runs/{first}/report?format=pdf", page);
        Assert.Contains($"/api/v1/deals/{dealId}/gate-runs/{first}/report?format=html", page);
    }

    [Fact]
    public async Task Bad_requests_get_problem_details()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = await servers.ServerAsync(TestDatabaseKind.Sqlite);
        using var client = server.CreateClient();
        var created = await client.PostAsJsonAsync("/api/v1/deals",
            new { client = "Acme", platform = "Upwork", category = "ApiService", seniority = "Mid" }, ct);
        var dealId = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
        long runId;
        using (var scope = server.Services.CreateScope())
#pragma warning disable RS0030 // the server under test stamps runs with the system clock
            runId = (await scope.ServiceProvider.GetRequiredService<GateRunStore>()
                .AddAsync(Run(dealId, DateTime.UtcNow, true, null), ct))!.Id;
#pragma warning restore RS0030

        var unknownDeal = await client.GetAsync("/api/v1/deals/424242/gate-runs", ct);
        Assert.Equal(HttpStatusCode.NotFound, unknownDeal.StatusCode);
        Assert.Equal("application/problem+json", unknownDeal.Content.Headers.ContentType?.MediaType);

        var noPdf = await client.GetAsync($"/api/v1/deals/{dealId}/gate-runs/{runId}/report?format=pdf", ct);
        Assert.Equal(HttpStatusCode.NotFound, noPdf.StatusCode);

        var badFormat = await client.GetAsync($"/api/v1/deals/{dealId}/gate-runs/{runId}/report?format=docx", ct);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Contains("format",
            (await badFormat.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors").EnumerateObject().Select(p => p.Name));

        using var anonymous = server.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/deals/{dealId}/gate-runs", ct)).StatusCode);
    }

    private static GateRunRecord Run(long dealId, DateTime at, bool passed, byte[]? pdf) => new()
    {
        DealId = dealId,
        CreatedAtUtc = at,
        Passed = passed,
        Checks = 7,
        Blocking = passed ? 0 : 2,
        EvidenceSha256 = new string(passed ? 'a' : 'b', 64),
        Project = "goshop",
        ChecklistJson = $$"""{"passed": {{(passed ? "true" : "false")}}, "checks": []}""",
        ReportHtml = "<!DOCTYPE html><h1>交付验收清单 Delivery checklist</h1>",
        ReportPdf = pdf,
        ReportMarkdown = "# 交付验收清单",
    };
}
