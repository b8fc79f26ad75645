using System.Text.Json;
using Jiedan.Testing;
using Jiedan.Web.Host;
using Jiedan.Web.Tests.Security;
using Microsoft.Playwright;

namespace Jiedan.Web.Tests.Dashboard;

/// <summary>
/// Every capability from the navigation, on the demo data, at 1366×768 and on a 390-px-wide phone: each entry is reached by
/// clicking it (on the phone through the menu, which works without script), its page answers 200 and nothing makes the page
/// wider than the window. Full-page screenshots go to $TMPDIR/jiedan-screens/&lt;width&gt;/ for review; the folder is printed.
/// </summary>
public class NavigationScreensTests
{
    public static TheoryData<int, int> Screens => new() { { 1366, 768 }, { 390, 844 } };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Every_navigation_entry_is_reachable_and_fits_the_screen(int width, int height)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite, demo: true);
        long dealId;
        using (var api = server.CreateClient())
            dealId = JsonDocument.Parse(await api.GetStringAsync("/api/v1/deals?limit=1", ct)).RootElement[0].GetProperty("id").GetInt64();
        var folder = Path.Combine(Path.GetTempPath(), "jiedan-screens", width.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshots at {width}×{height}: {folder}");

        await using var browser = await Browser.LaunchAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString().TrimEnd('/'), ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = 1,
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add($"{page.Url}: {error}");
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) problems.Add($"{page.Url}: {message.Text}");
        };
        await page.SetOwnerPasswordAsync(await server.IssueSetupTokenAsync(), OwnerPassword.Value);

        var entries = JiedanModules.All.SelectMany(m => m.Navigation).ToList();
        Assert.Contains(entries, e => e.Path == "/gate");
        Assert.Contains(entries, e => e.Path == "/contracts");
        // the sessions page sits beside "Log out", and in the menu on a phone
        foreach (var path in entries.Select(e => e.Path).Append("/account/sessions"))
        {
            await page.GotoAsync("/deals");
            var link = page.Locator($"header a[href='{path}']:visible");
            if (await link.CountAsync() == 0)
            {
                Assert.True(width < 900, $"{path}: no visible link at {width} px");
                await page.ClickAsync("#nav-menu summary");
                if (!File.Exists(Path.Combine(folder, "menu-open.png")))
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "menu-open.png") });
            }
            Assert.Equal(1, await link.CountAsync());
            await page.ClickAndArriveAsync($"header a[href='{path}']:visible", Arrival.At(path));
            var response = await page.APIRequest.GetAsync(path);
            Assert.Equal(200, response.Status);
            await CheckAndShootAsync(page, folder, path);
        }
        foreach (var path in new[] { $"/deals/{dealId}", "/deals/new", $"/contract/{dealId}" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await CheckAndShootAsync(page, folder, path);
        }
        await page.GotoAsync("/account/sessions");
        Assert.Equal(1, await page.Locator("#sessions tr[data-session] strong").CountAsync()); // this browser's session, marked
        await page.GotoAsync("/deals");
        await page.ClickAndArriveAsync("#lang-switch", Arrival.At("/deals"));
        await CheckAndShootAsync(page, folder, "/deals-zh");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task CheckAndShootAsync(IPage page, string folder, string path)
    {
        var name = path.Trim('/').Replace('/', '-');
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{path}: the page is {widths[0]} px wide in a {widths[1]} px window");
    }
}
