using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jiedan.Testing;
using Jiedan.Web.Tests.Security;
using Microsoft.Playwright;

namespace Jiedan.Web.Tests.Dashboard;

/// <summary>
/// The board with 500 open deals in headless Chromium: columns scroll on their own, filters narrow the cards through the
/// query string, a card dragged to the next column or moved with Alt+→ moves (the API agrees), a stale move is told and
/// changes nothing, and without script the Move form still works and keeps the filters.
/// </summary>
public class BoardAtScaleTests
{
    private static readonly string[] OpenStages =
        ["Lead", "FirstResponse", "ProposalConfirmed", "LegalReview", "StampApproval", "Signed", "Delivering", "Delivered"];
    private static readonly string[] Platforms = ["Upwork", "Mashi", "Proginn", "Toptal", "Direct"];

    [Fact]
    public async Task Five_hundred_open_deals_scroll_filter_and_move_by_drag_and_keyboard()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite);
        using var api = server.CreateClient();
        await ImportOpenDealsAsync(api, 500, ct);
        var zeta = new List<long>();
        for (var i = 1; i <= 3; i++) zeta.Add(await CreateAsync(api, $"Zeta 标签 {i}", "WeCom", ["kotlin", "ktor"], ct));
        await CreateAsync(api, "Kotlinish Ltd", "WeCom", ["kotlin-multiplatform"], ct);

        await using var browser = await Browser.LaunchAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString().TrimEnd('/'), ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        var page = await context.NewPageAsync();
        await page.SetOwnerPasswordAsync(await server.IssueSetupTokenAsync(), OwnerPassword.Value);
        await MeasureAsync(server);

        // Every column holds its cards in its own scroller; the page itself does not grow sideways.
        Assert.Equal(504, await SumOfCountsAsync(page));
        Assert.True(await page.EvaluateAsync<bool>(
            "() => { const c = document.querySelector('#col-Lead .cards'); return c.scrollHeight > c.clientHeight + 100; }"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.Equal(BoardTake, await page.Locator("#col-Lead .deal").CountAsync());

        // The search form is a GET form: the filtered board has a shareable address.
        await page.FillAsync("#board-q", "Zeta");
        await page.ClickAndArriveAsync("#board-apply", Arrival.At("/deals?q=Zeta&platform=&tag="));
        Assert.Equal(3, await page.Locator(".deal").CountAsync());
        Assert.Equal(3, await SumOfCountsAsync(page));
        await page.GotoAsync("/deals?platform=Mashi");
        Assert.Equal(100, await SumOfCountsAsync(page));
        Assert.All(await page.Locator(".deal .muted").AllInnerTextsAsync(), t => Assert.StartsWith("Mashi ·", t, StringComparison.Ordinal));
        await page.GotoAsync("/deals?tag=kotlin");
        Assert.Equal(3, await SumOfCountsAsync(page)); // "kotlin-multiplatform" is another tag
        await page.GotoAsync("/deals?tag=kotlin&platform=Upwork");
        Assert.Equal(0, await SumOfCountsAsync(page));

        // Drag a card to the next column: it moves there, and the server agrees.
        await page.GotoAsync("/deals?tag=kotlin");
        await page.DragAndDropAsync($".deal[data-deal='{zeta[0]}']", "#col-FirstResponse", ByTheEdge);
        await Assertions.Expect(page.Locator("#board-message")).ToContainTextAsync("Moved Zeta 标签 1 to First response");
        await Assertions.Expect(page.Locator($"#col-FirstResponse .deal[data-deal='{zeta[0]}']")).ToHaveCountAsync(1);
        Assert.Equal(("FirstResponse", 2), await StageAsync(api, zeta[0], ct));
        Assert.Equal("1", (await page.InnerTextAsync("#col-FirstResponse .count")).Trim());

        // The keyboard: a focused card and Alt+→ moves it one stage; the live region says so.
        await page.FocusAsync($".deal[data-deal='{zeta[1]}']");
        await page.Keyboard.PressAsync("Alt+ArrowRight");
        await Assertions.Expect(page.Locator("#board-message")).ToContainTextAsync("Moved Zeta 标签 2 to First response");
        Assert.Equal(("FirstResponse", 2), await StageAsync(api, zeta[1], ct));
        Assert.Equal($"{zeta[1]}", await page.EvaluateAsync<string>("() => document.activeElement.dataset.deal"));
        await page.Keyboard.PressAsync("Alt+ArrowRight"); // the card kept its focus and its new version
        await Assertions.Expect(page.Locator("#board-message")).ToContainTextAsync("Moved Zeta 标签 2 to Proposal confirmed");
        Assert.Equal(("ProposalConfirmed", 3), await StageAsync(api, zeta[1], ct));
        Assert.Equal("aria-live", await page.EvaluateAsync<string>(
            "() => document.querySelector('#board-message').getAttributeNames().find(n => n === 'aria-live')"));

        // Moved elsewhere meanwhile: the drag is refused with the stale message and nothing changes.
        var moved = await api.PostAsJsonAsync($"/api/v1/deals/{zeta[2]}/move", new { stage = "FirstResponse", version = 1 }, ct);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await page.DragAndDropAsync($".deal[data-deal='{zeta[2]}']", "#col-Signed", ByTheEdge);
        await Assertions.Expect(page.Locator("#board-message")).ToContainTextAsync("Someone else changed this deal first");
        Assert.Equal(("FirstResponse", 2), await StageAsync(api, zeta[2], ct));
        Assert.Equal(1, await page.Locator($"#col-Lead .deal[data-deal='{zeta[2]}']").CountAsync());

        // A reload shows what the server has.
        await page.ReloadAsync();
        Assert.Equal(1, await page.Locator($"#col-FirstResponse .deal[data-deal='{zeta[0]}']").CountAsync());
        Assert.Equal(1, await page.Locator($"#col-ProposalConfirmed .deal[data-deal='{zeta[1]}']").CountAsync());

        // Without script: the card's Move form posts and comes back to the same filtered board.
        var noScript = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString().TrimEnd('/'), JavaScriptEnabled = false,
            StorageState = await context.StorageStateAsync(),
        });
        var plain = await noScript.NewPageAsync();
        await plain.GotoAsync("/deals?tag=kotlin");
        var form = plain.Locator($".deal[data-deal='{zeta[0]}'] form");
        await form.Locator("select").SelectOptionAsync("Signed");
        await form.Locator("button").ClickAsync();
        await Assertions.Expect(plain).ToHaveURLAsync(Arrival.At("/deals?tag=kotlin"));
        await Assertions.Expect(plain.Locator("#board-message")).ToContainTextAsync("Moved Zeta 标签 1 to Signed");
        Assert.Equal(("Signed", 3), await StageAsync(api, zeta[0], ct));
    }

    private const int BoardTake = 30;

    /// <summary>A card is picked up by its edge, as a hand would: its middle is its Move form's select.</summary>
    private static readonly PageDragAndDropOptions ByTheEdge = new() { SourcePosition = new() { X = 4, Y = 4 } };

    /// <summary>Server time and HTML size of the full board, warm, as the test output's figures (bounded generously).</summary>
    private static async Task MeasureAsync(JiedanTestServer server)
    {
        using var session = new DashboardSession(server.BaseAddress);
        await session.LoginAsync(OwnerPassword.Value);
        var times = new List<double>();
        var bytes = 0;
        for (var i = 0; i < 6; i++)
        {
            var watch = Stopwatch.StartNew();
            var response = await session.GetAsync("/deals");
            var body = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bytes = body.Length;
            if (i > 0) times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var median = times[times.Count / 2];
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"board with 504 open deals: {median:F0} ms (median of 5 warm requests), {bytes / 1024.0:F0} KiB of HTML"));
        Assert.True(bytes < 1_000_000, $"{bytes} bytes of HTML");
        Assert.True(median < 5_000, $"{median} ms");
    }

    private static async Task<int> SumOfCountsAsync(IPage page) =>
        (await page.Locator(".column .count").AllInnerTextsAsync()).Sum(t => int.Parse(t, CultureInfo.InvariantCulture));

    private static async Task ImportOpenDealsAsync(HttpClient api, int count, CancellationToken ct)
    {
        var csv = new StringBuilder("external_id,client,platform,stage,at,category\n");
        for (var i = 0; i < count; i++)
            csv.Append(CultureInfo.InvariantCulture, $"b-{i},深圳示例科技 Board Client {i:000},{Platforms[i % Platforms.Length]},")
               .Append(CultureInfo.InvariantCulture, $"{OpenStages[i % OpenStages.Length]},2026-06-{1 + i % 28:00}T09:00:00Z,ApiService\n");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", "b.csv" } };
        var response = await api.PostAsync("/api/v1/deals/import", form, ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    private static async Task<long> CreateAsync(HttpClient api, string client, string platform, string[] tags, CancellationToken ct)
    {
        var created = await api.PostAsJsonAsync("/api/v1/deals", new { client, platform, tags }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
    }

    private static async Task<(string Stage, int Version)> StageAsync(HttpClient api, long id, CancellationToken ct)
    {
        var deal = await api.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{id}", ct);
        return (deal.GetProperty("stage").GetString()!, deal.GetProperty("version").GetInt32());
    }
}
