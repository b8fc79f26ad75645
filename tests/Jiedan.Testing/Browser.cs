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

    /// <summary>
    /// Wait for a redirect's page to be parsed (DOMContentLoaded), not for its load event: after a form post and its
    /// redirect, Playwright's wait for "load" hung past 90 s in the suite with the page already shown (twice, at load
    /// under 1; alone the same tests pass in seconds). What the tests count and read is the parsed document.
    /// </summary>
    public static readonly PageWaitForURLOptions Parsed = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

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
        await page.ClickAsync("#setup-submit");
        try
        {
            await page.WaitForURLAsync("**/deals", Browser.Parsed);
        }
        catch (TimeoutException e)
        {
            // Say where the browser ended up instead of only "timeout": the page's URL and what it shows.
            var text = await page.InnerTextAsync("body");
            throw new TimeoutException($"setup did not reach /deals; the page is {page.Url}: {text[..Math.Min(text.Length, 400)]}", e);
        }
    }
}
