using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Jiedan.Testing;

/// <summary>
/// Debian's Chromium driven by Playwright, headless, with the flags this machine needs: no sandbox as root, and no
/// background networking (there is no internet; only 127.0.0.1 is ever contacted).
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser browser) { _playwright = playwright; Chromium = browser; }

    public IBrowser Chromium { get; }

    /// <summary>
    /// Playwright's 30 s default is shorter than a page load on two cores shared with a parallel build (seen at load 15);
    /// a real hang still fails, a minute and a half later.
    /// </summary>
    public static readonly float ActionTimeoutMs = 90_000;

    public async Task<IPage> NewPageAsync(BrowserNewPageOptions options)
    {
        var page = await Chromium.NewPageAsync(options);
        page.SetDefaultTimeout(ActionTimeoutMs);
        page.SetDefaultNavigationTimeout(ActionTimeoutMs);
        return page;
    }

    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await Chromium.NewContextAsync(options);
        context.SetDefaultTimeout(ActionTimeoutMs);
        context.SetDefaultNavigationTimeout(ActionTimeoutMs);
        return context;
    }

    public static async Task<Browser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: scripts/test.sh installs Debian's chromium package");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        return new Browser(playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}

public static class OwnerSetup
{
    /// <summary>Follows the first-run setup link, sets the owner's password and waits for the board (logged in).</summary>
    public static async Task SetOwnerPasswordAsync(this IPage page, string? setupToken, string password)
    {
        await page.GotoAsync($"/setup?token={setupToken}");
        await page.FillAsync("#Password", password);
        await page.FillAsync("#Confirm", password);
        try
        {
            await page.ClickAndArriveAsync("#setup-submit", Arrival.At("/deals"));
        }
        catch (TimeoutException e)
        {
            // Say where the browser ended up instead of only "timeout": the page's URL and what it shows.
            var text = await page.InnerTextAsync("body");
            throw new TimeoutException($"setup did not reach /deals; the page is {page.Url}: {text[..Math.Min(text.Length, 400)]}", e);
        }
    }
}

/// <summary>
/// Follows a click to the page it leads to. Playwright's WaitForURLAsync hung past 90 s in the full suite (three times, in
/// three test classes) with the page already shown: its client checks the frame's load states and then subscribes to
/// them, and under load the event fell between the two. It also returns at once when the address before the click already
/// matches (a form that saves back to itself). Here the old document is marked, the address is asserted on the browser's
/// side, and the wait ends when a new, parsed document carries no mark.
/// </summary>
public static class Arrival
{
    /// <summary>The address whose path and query are exactly <paramref name="pathAndQuery"/>, on any host.</summary>
    public static Regex At(string pathAndQuery) => new("^https?://[^/]+" + Regex.Escape(pathAndQuery) + "$");

    public static async Task ClickAndArriveAsync(this IPage page, string selector, Regex address)
    {
        await page.EvaluateAsync("() => { window.__jiedanLeaving = true; }");
        await page.ClickAsync(selector);
        await Assertions.Expect(page).ToHaveURLAsync(address, new() { Timeout = Browser.ActionTimeoutMs });
        await page.WaitForFunctionAsync("() => window.__jiedanLeaving !== true && document.readyState !== 'loading'",
            null, new() { Timeout = Browser.ActionTimeoutMs, PollingInterval = 50 });
    }
}
