using System.IO.Compression;
using System.Net;
using System.Text;
using Jiedan.Testing;
using Microsoft.Playwright;

namespace Jiedan.Scaffold.Tests.Pages;

/// <summary>The deal page's scaffold section in headless Chromium: fill the module path, download the zip.</summary>
public sealed class ScaffoldPanelTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task The_deal_page_downloads_the_scaffold_of_its_requirement_as_a_zip()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite);
        using var api = server.CreateClient();
        var dealId = await ApiDeals.CreateAsync(api, ct);
        await using var browser = await Browser.LaunchAsync();
        var context = await browser.NewContextAsync(
            new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString().TrimEnd('/'), AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.SetOwnerPasswordAsync(await server.IssueSetupTokenAsync(), Password);

        await page.GotoAsync($"/deals/{dealId}");
        Assert.Equal(1, await page.Locator("#scaffold-none").CountAsync());

        var yaml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "requirements", "orders.yml"), ct);
        var put = await api.PutAsync($"/api/v1/deals/{dealId}/contract", new StringContent(yaml, Encoding.UTF8, "application/yaml"), ct);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        await page.GotoAsync($"/deals/{dealId}");
        await page.FillAsync("#scaffold-module", "github.com/acme/orders");
        await page.SelectOptionAsync("#scaffold-lang", "zh");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#scaffold-download"));

        Assert.Equal("orders.zip", download.SuggestedFilename);
        using var zip = ZipFile.OpenRead(await download.PathAsync());
        using var goMod = new StreamReader(zip.GetEntry("orders/go.mod")!.Open());
        Assert.StartsWith("module github.com/acme/orders\n", await goMod.ReadToEndAsync(ct), StringComparison.Ordinal);
        using var readme = new StreamReader(zip.GetEntry("orders/README.md")!.Open());
        Assert.Contains("## 测试策略", await readme.ReadToEndAsync(ct), StringComparison.Ordinal);
    }
}
