using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Jiedan.Domain.Credibility.Demo;
using Microsoft.Playwright;

namespace Jiedan.Credibility.Demo;

/// <summary>Chromium is missing where the settings say; the message says what to install.</summary>
public sealed class DemoProbeUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Measures a demo in headless Chromium (Playwright): the page's status, first contentful paint
/// (<c>performance.getEntriesByName('first-contentful-paint')</c>), full load (navigation timing: loadEventEnd − startTime),
/// console errors and uncaught page errors; and its <c>/health</c> over HTTP (no redirects, headers and at most 4 KiB read,
/// 10 s). One probe at a time per process (each launches its own browser). Unless private hosts are allowed, the demo's
/// host is pinned in Chromium to the public address that was checked (no DNS rebinding) and every request the page makes
/// to a private address is aborted; /health connects only to checked addresses.
/// </summary>
public sealed partial class DemoProbe(DemoProbeSettings settings)
{
    private const int HealthBodyBytes = 4096;
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <exception cref="DemoAddressException">the URL is not http(s), or its host is private and that is not allowed.</exception>
    /// <exception cref="DemoProbeUnavailableException">Chromium is not installed at <c>Credibility:ChromiumPath</c>.</exception>
    public async Task<DemoMeasurement> MeasureAsync(string url, CancellationToken ct)
    {
        var uri = DemoAddress.Parse(url);
        var addresses = await DemoAddress.ResolveAsync(uri, settings.AllowPrivateHosts, ct);
        var shown = uri.AbsoluteUri;
        if (addresses.Count == 0) return DemoMeasurement.Unreachable(shown, $"the host {uri.IdnHost} does not resolve (DNS)");
        if (!File.Exists(settings.ChromiumPath))
            throw new DemoProbeUnavailableException($"Chromium is not installed at {settings.ChromiumPath}: install it (Debian: apt-get "
                + "install chromium) or set Credibility:ChromiumPath to its executable");

        await OneAtATime.WaitAsync(ct);
        try
        {
            var health = await HealthAsync(uri, addresses, ct);
            return await BrowseAsync(uri, addresses[0], health, ct);
        }
        finally { OneAtATime.Release(); }
    }

    private static async Task<HealthResult> HealthAsync(Uri uri, IReadOnlyList<IPAddress> addresses, CancellationToken ct)
    {
        var allowed = addresses.ToArray();
        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            ConnectTimeout = DemoProbeSettings.HealthTimeout,
            ConnectCallback = async (context, token) =>
            {
                // Connect only to the addresses checked above, so a second DNS answer cannot point /health elsewhere.
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        using var client = new HttpClient(handler) { Timeout = DemoProbeSettings.HealthTimeout };
        var target = new Uri(uri, "/health");
        try
        {
            using var response = await client.GetAsync(target, HttpCompletionOption.ResponseHeadersRead, ct);
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            var buffer = new byte[HealthBodyBytes];
            var read = 0;
            while (read < buffer.Length && await body.ReadAsync(buffer.AsMemory(read), ct) is var n and > 0) read += n;
            return new HealthResult((int)response.StatusCode, null);
        }
        catch (HttpRequestException e)
        {
            return new HealthResult(null, e.HttpRequestError == HttpRequestError.ConnectionError ? "connection refused or failed"
                : $"request failed ({e.HttpRequestError})");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new HealthResult(null, string.Create(CultureInfo.InvariantCulture,
                $"no answer within {DemoProbeSettings.HealthTimeout.TotalSeconds} s"));
        }
    }

    private async Task<DemoMeasurement> BrowseAsync(Uri uri, IPAddress pinned, HealthResult health, CancellationToken ct)
    {
        var timeoutMs = (float)settings.NavigationTimeout.TotalMilliseconds;
        using var playwright = await Playwright.CreateAsync();
        IBrowser browser;
        try
        {
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = settings.ChromiumPath,
                Headless = true,
                Timeout = timeoutMs,
                Args = [.. LaunchArguments(uri, pinned)],
            });
        }
        catch (PlaywrightException e)
        {
            var why = DemoMeasurement.Shorten(e.Message);
            throw new DemoProbeUnavailableException($"Chromium at {settings.ChromiumPath} did not start: {why}", e);
        }
        await using (browser)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ServiceWorkers = ServiceWorkerPolicy.Block });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(timeoutMs);
            page.SetDefaultNavigationTimeout(timeoutMs);
            if (!settings.AllowPrivateHosts) await page.RouteAsync("**/*", AbortPrivateAsync);
            var errors = new ErrorLog();
            page.Console += (_, message) => { if (message.Type == "error") errors.Console(message.Text); };
            page.PageError += (_, error) => errors.Page(error);

            IResponse? response;
            try
            {
                response = await page.GotoAsync(uri.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            }
            catch (PlaywrightException e)
            {
                return DemoMeasurement.Unreachable(uri.AbsoluteUri, NetError(e.Message), health);
            }
            catch (TimeoutException)
            {
                var reason = Invariant($"no answer within {settings.NavigationTimeout.TotalSeconds} s");
                return DemoMeasurement.Unreachable(uri.AbsoluteUri, reason, health);
            }
            var status = response?.Status;
            if (status is >= 400)
                return DemoMeasurement.Unreachable(uri.AbsoluteUri, Invariant($"HTTP {status} {response!.StatusText}").Trim(), health)
                    with { Status = status };

            // The browser's own navigation timing says when load ended; Playwright's load-state wait was seen to hang on
            // this machine with the page long loaded (tests/Jiedan.Testing/Browser.cs), so it is not used.
            var load = await NumberAsync(page, LoadScript, timeoutMs);
            var fcp = await NumberAsync(page, FirstPaintScript, 2000);
            ct.ThrowIfCancellationRequested();
            return new DemoMeasurement
            {
                Url = uri.AbsoluteUri, Reachable = true, Status = status, Health = health,
                FirstContentfulPaintMs = fcp, LoadMs = load,
                ConsoleErrors = errors.ConsoleCount, PageErrors = errors.PageCount, ErrorMessages = errors.Messages,
            };
        }
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for the browser to record the figure; null when it does not.</summary>
    private static async Task<double?> NumberAsync(IPage page, string script, float timeoutMs)
    {
        try
        {
            var options = new PageWaitForFunctionOptions { Timeout = timeoutMs, PollingInterval = 50 };
            var handle = await page.WaitForFunctionAsync(script, null, options);
            return await handle.JsonValueAsync<double?>();
        }
        catch (TimeoutException) { return null; }
        catch (PlaywrightException) { return null; }
    }

    private const string FirstPaintScript =
        "() => { const e = performance.getEntriesByName('first-contentful-paint')[0]; return e ? e.startTime : null; }";

    private const string LoadScript =
        "() => { const n = performance.getEntriesByType('navigation')[0];"
        + " return n && n.loadEventEnd > 0 ? n.loadEventEnd - n.startTime : null; }";

    private static async Task AbortPrivateAsync(IRoute route)
    {
        if (!Uri.TryCreate(route.Request.Url, UriKind.Absolute, out var target)
            || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps && target.Scheme != "data"
                && target.Scheme != "blob"))
        {
            await route.AbortAsync("blockedbyclient");
            return;
        }
        if (target.Scheme is "data" or "blob")
        {
            await route.ContinueAsync();
            return;
        }
        try
        {
            await DemoAddress.ResolveAsync(target, allowPrivate: false, CancellationToken.None);
            await route.ContinueAsync();
        }
        catch (DemoAddressException)
        {
            await route.AbortAsync("blockedbyclient");
        }
    }

    private string[] LaunchArguments(Uri uri, IPAddress pinned)
    {
        string[] common = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];
        if (settings.AllowPrivateHosts || IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out _)) return common;
        var address = pinned.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{pinned}]" : pinned.ToString();
        return [.. common, $"--host-resolver-rules=MAP {uri.IdnHost} {address}"];
    }

    /// <summary>Chromium's network error name (net::ERR_CONNECTION_REFUSED), or a generic reason; never the whole message.</summary>
    private static string NetError(string message) =>
        NetErrorPattern().Match(message) is { Success: true } m ? m.Value : "navigation failed";

    [GeneratedRegex(@"net::ERR_[A-Z_]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NetErrorPattern();

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Counts console and page errors; keeps the first few messages, shortened. Events may arrive on any thread.</summary>
    private sealed class ErrorLog
    {
        private readonly Lock _lock = new();
        private readonly List<string> _messages = [];

        public int ConsoleCount { get; private set; }
        public int PageCount { get; private set; }
        public IReadOnlyList<string> Messages { get { lock (_lock) return [.. _messages]; } }

        public void Console(string text) { lock (_lock) { ConsoleCount++; Keep(text); } }
        public void Page(string text) { lock (_lock) { PageCount++; Keep(text); } }

        private void Keep(string text)
        {
            if (_messages.Count < DemoMeasurement.MaxMessages) _messages.Add(DemoMeasurement.Shorten(text));
        }
    }
}
