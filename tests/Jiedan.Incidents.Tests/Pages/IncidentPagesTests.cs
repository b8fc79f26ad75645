using System.Net;
using Jiedan.Bot.Tests.Web;
using Jiedan.Incidents.Tests.Web;
using Jiedan.Testing;
using Microsoft.Playwright;

namespace Jiedan.Incidents.Tests.Pages;

/// <summary>
/// The incident pages in headless Chromium: the MTTR chart on /incidents, and an incident's timeline (received, posted,
/// acknowledged in the chat, resolved, fix recorded), its suggested graph paths as a picture, and "what fixed it"
/// recorded through the page's form (with its CSRF token; a post without one changes nothing).
/// </summary>
public sealed class IncidentPagesTests
{
    private const string Password = "correct horse battery staple";
    private static readonly Payloads.TestAlert Disk = new("NodeDiskSpaceLow", "6f1c2a9e0b3d4c5a",
        Summary: "Filesystem /var on worker-4 has 3% space left", Labels: new Dictionary<string, string> { ["mountpoint"] = "/var" });

    [Fact]
    public async Task Timeline_graph_picture_mttr_chart_and_the_fix_recorded_from_the_page()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ReceiverHost.StartAsync(TestDatabaseKind.Sqlite, ct);
        using var client = server.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ReceiverHost.Post(Payloads.Firing(Disk)), ct)).StatusCode);
        var incident = Assert.Single(await ReceiverHost.NotifiedAsync(server, 1, ct));
        using (var ack = new HttpRequestMessage(HttpMethod.Post, "/bots/telegram/main")
        {
            Content = new StringContent(TelegramUpdates.Message(900, 4242, "收到"), System.Text.Encoding.UTF8, "application/json"),
        })
        {
            ack.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "telegram-secret");
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ack, ct)).StatusCode);
        }
        await Eventually.HoldsAsync(async () => (await ReceiverHost.IncidentAsync(server, incident.Id, ct)).AcknowledgedAtUtc is not null,
            "acknowledged in the chat");
        var resolved = Disk with { Status = "resolved", EndsAt = "2026-11-30T08:11:00Z" };
        Assert.Equal(HttpStatusCode.OK,
            (await client.SendAsync(ReceiverHost.Post(Payloads.Group("resolved", 0, resolved)), ct)).StatusCode);
        await Eventually.HoldsAsync(async () => (await ReceiverHost.IncidentAsync(server, incident.Id, ct)).FixAskedAtUtc is not null,
            "the chat is asked what fixed it");

        // A post without the form's CSRF token is refused and records nothing.
        using (var api = server.CreateClient())
        {
            using var forged = await api.PostAsync($"/incidents/{incident.Id}?handler=Fixed",
                new FormUrlEncodedContent([new("title", "KubePodOOMKilled")]), ct);
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.Null((await ReceiverHost.IncidentAsync(server, incident.Id, ct)).FixedBy);
        }

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.BaseAddress.ToString().TrimEnd('/') });
        await page.SetOwnerPasswordAsync(await server.IssueSetupTokenAsync(), Password);

        await page.GotoAsync("/incidents");
        Assert.Equal(1, await page.Locator("#incidents-mttr-chart svg").CountAsync());
        Assert.Contains("Deal 5", await page.InnerTextAsync("#incidents-mttr-chart"));
        await page.ClickAndArriveAsync("#incidents-list a:has-text('NodeDiskSpaceLow')", Arrival.At($"/incidents/{incident.Id}"));

        var moments = await page.Locator("#incident-timeline li").EvaluateAllAsync<string[]>("l => l.map(e => e.dataset.moment)");
        // In time order; the test's alert ended (endsAt) before the run that received it, so only the set is fixed here.
        Assert.Equal(["incidents.t.acknowledged", "incidents.t.asked", "incidents.t.posted", "incidents.t.received",
            "incidents.t.resolved", "incidents.t.started"], moments.Order(StringComparer.Ordinal));
        Assert.Contains("telegram:4242 Client", await page.InnerTextAsync("#incident-timeline"));
        var rows = page.Locator("#incident-graph svg .kb-path-row");
        Assert.InRange(await rows.CountAsync(), 1, 3);
        var best = page.Locator("#incident-graph svg .kb-path-row[data-title='NodeFilesystemAlmostFull']");
        Assert.Equal(["symptom", "component", "configuration_item", "fix"],
            await best.Locator(".kb-node").EvaluateAllAsync<string[]>("l => l.map(e => e.dataset.kind)"));
        Assert.Contains("NodeDiskSpaceLow", await best.TextContentAsync());

        // What fixed it, from the page: recorded, shown, and the path from this alert is a stored, strengthened edge now.
        await page.SelectOptionAsync("#fixed-title", "NodeFilesystemAlmostFull");
        await page.ClickAsync("#fixed-submit");
        await page.WaitForSelectorAsync("#incident-fixed-by");
        Assert.Contains("NodeFilesystemAlmostFull", await page.InnerTextAsync("#incident-fixed-by"));
        Assert.Equal(1, await page.Locator("#incident-timeline li[data-moment='incidents.t.fixed']").CountAsync());
        var weights = await page.Locator("#incident-graph svg .kb-path-row[data-title='NodeFilesystemAlmostFull'] .kb-edge")
            .EvaluateAllAsync<string[]>("l => l.map(e => e.dataset.weight)");
        Assert.All(weights, w => Assert.Equal("2", w));
        Assert.Equal("NodeFilesystemAlmostFull", (await ReceiverHost.IncidentAsync(server, incident.Id, ct)).FixedBy);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "jiedan-incident.png"),
            FullPage = true });

        // 中文.
        await page.GotoAsync($"/lang/zh-CN?returnUrl=/incidents/{incident.Id}");
        await page.WaitForSelectorAsync("h2:has-text('时间线')");
        Assert.Contains("聊天中确认收到", await page.InnerTextAsync("#incident-timeline"));
        Assert.Contains("组件", await page.TextContentAsync("#incident-graph"));
    }
}
