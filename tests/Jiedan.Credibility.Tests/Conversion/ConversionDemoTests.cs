using System.Net.Http.Json;
using System.Text.Json;
using Jiedan.Testing;

namespace Jiedan.Credibility.Tests.Conversion;

/// <summary>The demo installation scores its closed demo deals, so /conversion has a fit to show from the first start.</summary>
public sealed class ConversionDemoTests
{
    [Fact]
    public async Task A_demo_start_scores_the_closed_demo_deals_and_the_fit_prefers_the_won_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite, demo: true);
        using var client = server.CreateClient();

        var fit = await client.GetFromJsonAsync<JsonElement>("/api/v1/conversion/fit", ct);
        Assert.True(fit.GetProperty("deals").GetInt32() >= 30, fit.GetRawText());
        Assert.True(fit.GetProperty("won").GetInt32() > 0 && fit.GetProperty("lost").GetInt32() > 0, fit.GetRawText());
        Assert.Contains("\"weights\"", fit.GetRawText());

        var deals = await client.GetFromJsonAsync<JsonElement>("/api/v1/deals?limit=500", ct);
        var scored = 0;
        foreach (var deal in deals.EnumerateArray())
        {
            var id = deal.GetProperty("id").GetInt64();
            var conversion = await client.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{id}/conversion", ct);
            if (conversion.GetProperty("current").ValueKind != JsonValueKind.Object) continue;
            scored++;
            Assert.Contains("演示数据", conversion.GetProperty("current").GetRawText());
        }
        Assert.True(scored >= fit.GetProperty("deals").GetInt32(), $"{scored} scored deals");
    }
}
