using System.Net.Http.Json;
using System.Text.Json;
using Jiedan.Testing;
using Microsoft.Playwright;

namespace Jiedan.Quote.Tests.Api;

/// <summary>The quote builder in headless Chromium: compute, a bad value, the PDF, save onto a deal, see it on the deal page.</summary>
public class QuoteBuilderTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Build_a_quote_download_its_pdf_and_save_it_on_a_deal()
    {
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite);
        long dealId;
        using (var http = server.CreateClient())
        {
            var deal = await http.PostAsJsonAsync("/api/v1/deals",
                new { client = "ACME Logistics", platform = "Upwork", seniority = "Senior" });
            dealId = (await deal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        }
        await using var browser = await Browser.LaunchAsync();
        var context = await browser.NewContextAsync(
            new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString().TrimEnd('/'), AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.SetOwnerPasswordAsync(await server.IssueSetupTokenAsync(), Password);

        // The form opens on the documented example; with 10 % tech debt it is the hand-worked quote.
        await page.GotoAsync($"/quote?dealId={dealId}");
        await page.FillAsync("#DebtPercent", "10");
        await page.ClickAsync("#quote-compute");
        await page.WaitForSelectorAsync("#quote-expected:has-text('$57,214.37')");
        Assert.Equal("497.3 h", (await page.InnerTextAsync("#quote-effort")).Trim());
        Assert.Contains("1.18", await page.InnerTextAsync("#quote-premium"));
        Assert.Equal(3, await page.Locator("#quote-layers tr[data-layer]").CountAsync());
        Assert.Equal(1, await page.Locator("#quote-chart svg").CountAsync());
        // COCOMO's 5 165 h is ten times the blend: the page says so and why, in Chinese and English.
        var note = await page.InnerTextAsync("#quote-crosscheck");
        Assert.Contains("differ 10.4×", note);
        Assert.Contains("行业参数", note);
        Assert.Equal(1, await page.Locator("#quote-range").CountAsync()); // the defaults: the range is "not measured"
        Assert.Equal(0, await page.Locator("#quote-range-price").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "jiedan-quote-builder.png"),
            FullPage = true });

        // An absurd uptime is named next to its field, and nothing is computed.
        await page.FillAsync("#UptimePercent", "100.5");
        await page.ClickAsync("#quote-compute");
        Assert.Contains("uptime must be between 0 and 100", await page.InnerTextAsync("[data-field=UptimePercent]"));
        Assert.Equal(0, await page.Locator("#quote-expected").CountAsync());
        await page.FillAsync("#UptimePercent", "99.95");

        // The PDF proposal, with its Chinese headings.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#quote-pdf"));
        var pdf = Path.Combine(Path.GetTempPath(), $"jiedan-quote-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(pdf);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
            Assert.Contains("工作量分解", string.Concat(document.GetPages().Select(p => p.Text)));
        File.Delete(pdf);

        // Saved on the deal: the deal page's quotes panel lists it.
        await page.ClickAndArriveAsync("#quote-save", Arrival.At($"/deals/{dealId}"));
        Assert.Contains("$57,214.37", await page.InnerTextAsync("table.quotes"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "jiedan-quote-deal.png"),
            FullPage = true });
    }
}
