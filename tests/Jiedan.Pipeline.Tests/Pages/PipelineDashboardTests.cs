using Jiedan.Testing;
using Microsoft.Playwright;

namespace Jiedan.Pipeline.Tests.Pages;

/// <summary>
/// A person's path through the dashboard in headless Chromium: set up, log in, create a deal, move it, read the analytics.
/// </summary>
public class PipelineDashboardTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Log_in_create_a_deal_move_it_two_stages_and_see_it_in_analytics()
    {
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.BaseAddress.ToString().TrimEnd('/') });

        // First run: the one-time setup link sets the owner's password, then the link is spent.
        await page.SetOwnerPasswordAsync(await server.IssueSetupTokenAsync(), Password);
        await page.ClickAndArriveAsync("text=Log out", Arrival.At("/login"));

        // Log in through the login form (a wrong password first).
        await page.FillAsync("#Password", "wrong password!");
        await page.ClickAsync("#login-submit");
        Assert.Contains("Wrong user name or password", await page.InnerTextAsync("[role=alert]"));
        await page.FillAsync("#Password", Password);
        await page.ClickAndArriveAsync("#login-submit", Arrival.At("/deals"));

        // Create a deal.
        await page.ClickAsync("#new-deal");
        await page.FillAsync("#Client", "杭州云栈科技 Browser Test");
        await page.SelectOptionAsync("#Platform", "Mashi");
        await page.FillAsync("#Budget", "80000");
        await page.SelectOptionAsync("#Currency", "CNY");
        await page.FillAsync("#Tags", "go, grpc");
        await page.ClickAndArriveAsync("#create-deal", new System.Text.RegularExpressions.Regex("/deals/\\d+$"));
        Assert.Equal("Lead", (await page.InnerTextAsync("#deal-stage")).Trim());

        // Move it two stages from the deal page.
        await page.SelectOptionAsync("#move-form select[name=stage]", "FirstResponse");
        await page.ClickAsync("#move-form button");
        await page.WaitForSelectorAsync("text=Moved");
        Assert.Equal("First response", (await page.InnerTextAsync("#deal-stage")).Trim());
        await page.SelectOptionAsync("#move-form select[name=stage]", "ProposalConfirmed");
        await page.ClickAsync("#move-form button");
        await page.WaitForSelectorAsync("text=Moved");
        Assert.Equal("Proposal confirmed", (await page.InnerTextAsync("#deal-stage")).Trim());
        Assert.Equal(3, await page.Locator(".timeline li").CountAsync());

        // The board shows it in its column.
        await page.GotoAsync("/deals");
        Assert.Contains("Browser Test", await page.InnerTextAsync("section.column[data-stage=ProposalConfirmed]"));

        // Analytics: one deal, measured in Lead and FirstResponse, charts drawn.
        await page.GotoAsync("/pipeline");
        Assert.Equal("1", (await page.InnerTextAsync("#deal-count")).Trim());
        Assert.Equal("1", (await page.InnerTextAsync("#stage-table tr[data-stage=Lead] td:nth-child(2)")).Trim());
        Assert.Equal("1", (await page.InnerTextAsync("#stage-table tr[data-stage=FirstResponse] td:nth-child(2)")).Trim());
        Assert.Equal(1, await page.Locator("#chart-durations svg").CountAsync());
        Assert.Equal(1, await page.Locator("#chart-funnel svg").CountAsync());

        // 中文 in one click.
        await page.ClickAsync("#lang-switch");
        await page.WaitForSelectorAsync("h1:has-text('销售漏斗分析')");
        Assert.Contains("方案确认", await page.InnerTextAsync("#stage-table"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "jiedan-analytics.png"),
            FullPage = true });
    }

    [Fact]
    public async Task A_second_tab_moving_a_stale_deal_is_told_and_changes_nothing()
    {
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite);
        using (var http = server.CreateClient())
        {
            var created = await http.PostAsync("/api/v1/deals",
                new StringContent("""{"client":"Stale Co","platform":"Upwork"}""", System.Text.Encoding.UTF8, "application/json"));
            created.EnsureSuccessStatusCode();
        }
        await using var browser = await Browser.LaunchAsync();
        var context = await browser.NewContextAsync(
            new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString().TrimEnd('/') });
        var tab1 = await context.NewPageAsync();
        await tab1.SetOwnerPasswordAsync(await server.IssueSetupTokenAsync(), Password);
        var tab2 = await context.NewPageAsync();
        await tab2.GotoAsync("/deals");

        var form1 = tab1.Locator("div.deal:has-text('Stale Co') form");
        await form1.Locator("select").SelectOptionAsync("FirstResponse");
        await form1.Locator("button").ClickAsync();
        await tab1.WaitForSelectorAsync("#board-message");

        var form2 = tab2.Locator("div.deal:has-text('Stale Co') form");
        await form2.Locator("select").SelectOptionAsync("Signed");
        await form2.Locator("button").ClickAsync();
        Assert.Contains("Someone else changed this deal first", await tab2.InnerTextAsync("#board-message"));
        Assert.Contains("Stale Co", await tab2.InnerTextAsync("section.column[data-stage=FirstResponse]"));
    }
}

public class DemoDashboardTests
{
    [Fact]
    public async Task A_new_installation_with_demo_data_shows_a_live_board_and_analytics()
    {
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite, demo: true);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        await page.SetOwnerPasswordAsync(await server.IssueSetupTokenAsync(), "demo password 123");

        Assert.Equal(10, await page.Locator("section.column").CountAsync()); // nine stages and Lost
        Assert.True(await page.Locator(".tag.demo").CountAsync() > 20);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "jiedan-board.png") });

        await page.GotoAsync("/pipeline");
        Assert.Equal("137", (await page.InnerTextAsync("#deal-count")).Trim());
        Assert.Equal(8, await page.Locator("#stage-table tbody tr").CountAsync());
        Assert.Equal(3, await page.Locator(".chart svg").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "jiedan-demo-analytics.png"),
            FullPage = true });

        await page.GotoAsync("/rates");
        Assert.Equal(9, await page.Locator("#rates tbody tr").CountAsync());
    }
}

public class RatesPageTests
{
    [Fact]
    public async Task Editing_a_rate_in_the_dashboard_changes_the_table_used_by_quotes()
    {
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.BaseAddress.ToString().TrimEnd('/') });
        await page.SetOwnerPasswordAsync(await server.IssueSetupTokenAsync(), "rates password 1");
        await page.GotoAsync("/rates");
        var row = page.Locator("#rates tbody tr", new() { HasText = "Toptal" }).Filter(new() { HasText = "Senior" });
        Assert.Equal("145", await row.Locator("input[name=low]").InputValueAsync());
        await row.Locator("input[name=low]").FillAsync("150");
        await row.Locator("input[name=high]").FillAsync("230");
        await row.Locator("button").ClickAsync();
        await page.WaitForSelectorAsync("text=Saved.");

        using var http = server.CreateClient();
        var rates = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/v1/rates")).RootElement.EnumerateArray()
            .Single(r => r.GetProperty("platform").GetString() == "Toptal" && r.GetProperty("band").GetString() == "Senior");
        Assert.Equal((150m, 230m), (rates.GetProperty("low").GetDecimal(), rates.GetProperty("high").GetDecimal()));

        // Bad input is refused with the field named, nothing changed.
        await row.Locator("input[name=high]").FillAsync("10");
        await row.Locator("button").ClickAsync();
        await page.WaitForSelectorAsync("text=high must be at least low");
        Assert.Equal("230", await page.Locator("#rates tbody tr",
            new() { HasText = "Toptal" }).Filter(new() { HasText = "Senior" }).Locator("input[name=high]").InputValueAsync());
    }
}
