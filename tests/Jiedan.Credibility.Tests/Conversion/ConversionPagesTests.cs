using Jiedan.Credibility.Conversion;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Deals;
using Jiedan.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jiedan.Credibility.Tests.Conversion;

/// <summary>The deal page's conversion panel and the /conversion page in headless Chromium.</summary>
public sealed class ConversionPagesTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task The_deal_panel_shows_the_estimate_and_charts_and_the_fitted_weights_can_be_adopted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite);
        using var api = server.CreateClient();
        var deal = await ApiDeals.CreateAsync(api, ct);
        using (var scope = server.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<ConversionService>();
            await service.RecordAsync(deal, ConversionServiceTests.Scores(40, 70, 30), ct);
            await service.RecordAsync(deal, ConversionServiceTests.Scores(50, 80, 60), ct);
        }
        await using var browser = await Browser.LaunchAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString().TrimEnd('/') });
        var page = await context.NewPageAsync();
        await page.SetOwnerPasswordAsync(await server.IssueSetupTokenAsync(), Password);

        await page.GotoAsync($"/deals/{deal}");
        Assert.Equal("64.2", await page.InnerTextAsync("#conversion-estimate"));
        Assert.Equal(1, await page.Locator("#conversion-scores-chart svg").CountAsync());
        Assert.Equal(1, await page.Locator("#conversion-history-chart svg").CountAsync());
        Assert.Equal(["ci", "sla"], await page.Locator("#conversion-recommendations tbody tr")
            .EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.check)"));

        await page.GotoAsync("/conversion");
        Assert.Equal(1, await page.Locator("#conversion-no-fit").CountAsync());
        Assert.True(await page.IsDisabledAsync("#conversion-use-fitted"));

        await using (var scope = server.Services.CreateAsyncScope())
            await CloseDealsAsync(scope.ServiceProvider, 36, ct);
        await page.GotoAsync("/conversion");
        Assert.Equal(1, await page.Locator("#conversion-brier-cv").CountAsync());
        Assert.Equal(10, await page.Locator("#conversion-calibration tbody tr").CountAsync());
        Assert.Equal(1, await page.Locator("#conversion-calibration-chart svg").CountAsync());
        Assert.Equal(1, await page.Locator("#conversion-weights-fitted").CountAsync());
        Assert.True(await page.IsEnabledAsync("#conversion-use-fitted"));

        await page.ClickAndArriveAsync("#conversion-use-fitted", Arrival.At("/conversion?adopted=true"));
        Assert.Equal(1, await page.Locator("#conversion-adopted").CountAsync());
        Assert.Contains("fitted", await page.InnerTextAsync("#conversion-weights-in-force"));
    }

    /// <summary>Deals scored, then closed through the deal store: won (Signed) mostly when the demo scores well.</summary>
    internal static async Task CloseDealsAsync(IServiceProvider services, int count, CancellationToken ct)
    {
        var deals = services.GetRequiredService<DealStore>();
        var conversion = services.GetRequiredService<ConversionService>();
        for (var i = 0; i < count; i++)
        {
            var created = await deals.CreateAsync(new DealDraft($"closed {i}", Platform.Upwork), null, null, "test", ct);
            var id = Assert.IsType<MoveResult.Moved>(created).Deal.Id;
            var demo = i * 100 / (count - 1);
            await conversion.RecordAsync(id, ConversionServiceTests.Scores(50 + i % 7, 40 + i % 11, demo), ct);
            var won = (demo >= 40) ^ (i % 6 == 0);
            Assert.IsType<MoveResult.Moved>(won
                ? await deals.MoveAsync(id, null, "Signed", null, "test", null, ct)
                : await deals.MoveAsync(id, null, "Lost", null, "test", "chose another vendor", ct));
        }
    }
}
