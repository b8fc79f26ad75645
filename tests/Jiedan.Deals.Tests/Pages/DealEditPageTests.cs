using System.Net;
using Jiedan.Testing;
using Microsoft.Playwright;

namespace Jiedan.Deals.Tests.Pages;

/// <summary>
/// The deal page's edit form in headless Chromium: a bad field is named next to it and nothing is saved; a good edit lands on
/// the deal page with its history; a post without the form's antiforgery token changes nothing.
/// </summary>
public sealed class DealEditPageTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task An_edit_in_the_dashboard_shows_errors_by_field_then_saves_into_the_history()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite);
        using var http = server.CreateClient();
        var id = await ApiDeals.CreateAsync(http, ct);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.BaseAddress.ToString().TrimEnd('/') });
        await page.SetOwnerPasswordAsync(await server.IssueSetupTokenAsync(), Password);

        await page.GotoAsync($"/deals/{id}");
        Assert.Contains("No edits yet", await page.InnerTextAsync("#deal-history"));
        await page.ClickAndArriveAsync("#edit-deal", Arrival.At($"/deals/{id}/edit"));
        Assert.Equal("Acme 客户", await page.InputValueAsync("#Client"));

        await page.SelectOptionAsync("#Platform", "Toptal");
        await page.FillAsync("#Tags", string.Join(',', Enumerable.Range(0, 33).Select(i => $"t{i}")));
        await page.ClickAndArriveAsync("#save-deal", Arrival.At($"/deals/{id}/edit"));
        Assert.Contains("at most 32 tags", await page.InnerTextAsync("p.error[data-field='tags']"));
        Assert.Equal("Toptal", await page.InputValueAsync("#Platform"));
        Assert.Equal(0, await page.Locator("p.error[data-field='client']").CountAsync());

        await page.FillAsync("#Tags", "rust, axum");
        await page.FillAsync("#Budget", "4200");
        await page.SelectOptionAsync("#Currency", "CNY");
        await page.ClickAndArriveAsync("#save-deal", Arrival.At($"/deals/{id}"));
        Assert.Contains("Saved 3 change(s).", await page.InnerTextAsync("body"));
        var history = page.Locator("#deal-history tr");
        Assert.Equal(["tags", "budget", "platform"], await history.EvaluateAllAsync<string[]>("l => l.map(e => e.dataset.field)"));
        Assert.Contains("Upwork → Toptal", await page.InnerTextAsync("#deal-history tr[data-field='platform']"));
        Assert.Contains("4200 CNY", await page.InnerTextAsync("#deal-history tr[data-field='budget']"));

        // Without the form's antiforgery token nothing changes.
        using var form = new FormUrlEncodedContent([new("Version", "2"), new("Client", "Forged"), new("Platform", "Other"),
            new("Category", "Other"), new("Seniority", "Mid")]);
        using var forged = await http.PostAsync($"/deals/{id}/edit", form, ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        await page.GotoAsync($"/deals/{id}");
        Assert.Equal(3, await history.CountAsync());
        Assert.Equal("Acme 客户", (await page.InnerTextAsync("h1")).Split(" #")[0].Trim());
    }
}
