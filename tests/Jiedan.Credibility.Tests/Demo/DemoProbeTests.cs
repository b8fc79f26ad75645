using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Jiedan.Credibility.Demo;
using Jiedan.Domain.Credibility;
using Jiedan.Domain.Credibility.Demo;

namespace Jiedan.Credibility.Tests.Demo;

/// <summary>
/// The probe in headless Chromium against demos this test serves on 127.0.0.1. Figures are asserted loosely (a delay
/// injected into the page bounds its load from below); every probe must finish well inside a generous bound.
/// </summary>
public sealed class DemoProbeTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private DemoSite _withHealth = null!;
    private DemoSite _withoutHealth = null!;

    private static DemoProbe Probe(bool allowPrivate = true) =>
        new(new DemoProbeSettings(DemoProbeSettings.DefaultChromiumPath, TimeSpan.FromSeconds(30), allowPrivate));

    public async ValueTask InitializeAsync()
    {
        _withHealth = await DemoSite.StartAsync(health: true);
        _withoutHealth = await DemoSite.StartAsync(health: false);
    }

    public async ValueTask DisposeAsync()
    {
        await _withHealth.DisposeAsync();
        await _withoutHealth.DisposeAsync();
    }

    private static async Task<(DemoMeasurement Measured, AssetScore Score)> MeasureAsync(string url, DemoProbe? probe = null)
    {
        var watch = Stopwatch.StartNew();
        var measured = await (probe ?? Probe()).MeasureAsync(url, TestContext.Current.CancellationToken);
        Assert.True(watch.Elapsed < Bound, $"the probe took {watch.Elapsed}");
        return (measured, DemoScoring.Score(measured, DemoThresholds.Default, chinese: false));
    }

    private static CredibilityCheck Check(AssetScore score, string id) => Assert.Single(score.Checks, c => c.Id == id);

    [Fact]
    public async Task A_fast_page_with_health_is_reachable_healthy_painted_loaded_and_error_free()
    {
        var (m, score) = await MeasureAsync(_withHealth.BaseUrl + "/");

        Assert.True(m.Reachable, m.Reason);
        Assert.Equal(200, m.Status);
        Assert.Equal(200, m.Health.Status);
        Assert.Equal(1, _withHealth.HealthCalls);
        Assert.True(m.FirstContentfulPaintMs > 0, "first contentful paint measured");
        Assert.True(m.LoadMs > 0, "load measured");
        Assert.True(m.ConsoleErrors == 0, string.Join(" / ", m.ErrorMessages));
        Assert.Equal(0, m.PageErrors);
        Assert.True(Check(score, "reachable").Passed);
        Assert.True(Check(score, "health").Passed);
        Assert.True(Check(score, "console-errors").Passed);
        Assert.Contains("first contentful paint", Check(score, "first-contentful-paint").Evidence);
    }

    [Fact]
    public async Task Console_errors_and_uncaught_exceptions_are_counted_and_their_messages_kept_short()
    {
        var (m, score) = await MeasureAsync(_withHealth.BaseUrl + "/errors");

        Assert.True(m.Reachable, m.Reason);
        Assert.True(m.ConsoleErrors == 1, string.Join(" / ", m.ErrorMessages));
        Assert.Equal(1, m.PageErrors);
        Assert.Contains(m.ErrorMessages, e => e.StartsWith("widget failed: xxx", StringComparison.Ordinal) && e.EndsWith('…'));
        Assert.All(m.ErrorMessages, e => Assert.True(e.Length <= DemoMeasurement.MaxMessageLength + 1));
        Assert.Contains(m.ErrorMessages, e => e.Contains("kaput", StringComparison.Ordinal));
        var errors = Check(score, "console-errors");
        Assert.False(errors.Passed);
        Assert.Contains("1 console error(s), 1 uncaught page error(s)", errors.Evidence);
        Assert.NotEmpty(errors.Fix);
    }

    [Fact]
    public async Task A_page_whose_load_event_waits_for_a_slow_image_fails_the_load_check()
    {
        var (m, score) = await MeasureAsync(_withHealth.BaseUrl + "/slow");

        Assert.True(m.Reachable, m.Reason);
        Assert.True(m.LoadMs >= DemoSite.ImageDelay.TotalMilliseconds, $"load {m.LoadMs} ms, below the injected delay");
        Assert.True(m.FirstContentfulPaintMs < m.LoadMs, "the heading paints before the image arrives");
        var load = Check(score, "load");
        Assert.False(load.Passed);
        Assert.Contains("goal ≤ 3.00 s", load.Evidence);
        Assert.True(score.Score < 100);
    }

    [Fact]
    public async Task A_demo_without_health_fails_only_that_check()
    {
        var (m, score) = await MeasureAsync(_withoutHealth.BaseUrl + "/");

        Assert.True(m.Reachable, m.Reason);
        Assert.Equal(404, m.Health.Status);
        var health = Check(score, "health");
        Assert.False(health.Passed);
        Assert.Equal("GET /health → HTTP 404", health.Evidence);
        Assert.Contains("/health", health.Fix);
    }

    [Fact]
    public async Task A_page_answering_503_is_a_failed_reachable_check_with_the_status()
    {
        var (m, score) = await MeasureAsync(_withHealth.BaseUrl + "/broken");

        Assert.False(m.Reachable);
        Assert.Equal(503, m.Status);
        Assert.Contains("HTTP 503", Check(score, "reachable").Evidence);
        Assert.Equal(0, score.Checks.Count(c => c.Passed));
    }

    [Fact]
    public async Task A_closed_port_is_an_unreachable_demo_with_the_reason_not_an_exception()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (m, score) = await MeasureAsync($"http://127.0.0.1:{port}/");

        Assert.False(m.Reachable);
        Assert.Equal("net::ERR_CONNECTION_REFUSED", m.Reason);
        Assert.Null(m.Health.Status);
        Assert.Equal(0, score.Score);
        var reachable = Check(score, "reachable");
        Assert.Contains("net::ERR_CONNECTION_REFUSED", reachable.Evidence);
        Assert.All(score.Checks.Where(c => c.Id != "reachable"), c => Assert.StartsWith("not measured", c.Evidence));
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://127.0.0.1/x")]
    [InlineData("data:text/html,<h1>x</h1>")]
    [InlineData("http://user:secret@127.0.0.1/")]
    [InlineData("/relative")]
    [InlineData("")]
    public async Task Urls_that_are_not_plain_http_or_https_are_refused_before_anything_is_contacted(string url)
    {
        var e = await Assert.ThrowsAsync<DemoAddressException>(() => Probe().MeasureAsync(url, TestContext.Current.CancellationToken));
        Assert.DoesNotContain("secret", e.Message);
    }

    [Fact]
    public async Task Private_hosts_are_refused_unless_allowed_and_the_demo_is_not_contacted()
    {
        var probe = Probe(allowPrivate: false);
        var ct = TestContext.Current.CancellationToken;

        var loopback = await Assert.ThrowsAsync<DemoAddressException>(() => probe.MeasureAsync(_withHealth.BaseUrl + "/", ct));
        Assert.Contains("127.0.0.1", loopback.Message);
        Assert.Contains("Credibility:AllowPrivateDemoHosts", loopback.Message);
        var byName = await Assert.ThrowsAsync<DemoAddressException>(() =>
            probe.MeasureAsync(_withHealth.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/", ct));
        Assert.Contains("loopback", byName.Message);
        await Assert.ThrowsAsync<DemoAddressException>(() => probe.MeasureAsync("http://[::1]:9/", ct));
        await Assert.ThrowsAsync<DemoAddressException>(() => probe.MeasureAsync("http://169.254.169.254/latest/meta-data/", ct));
        Assert.Equal(0, _withHealth.HealthCalls);
    }

    [Fact]
    public async Task A_missing_chromium_says_what_to_install()
    {
        var probe = new DemoProbe(new DemoProbeSettings("/nonexistent/chromium", TimeSpan.FromSeconds(5), AllowPrivateHosts: true));
        var e = await Assert.ThrowsAsync<DemoProbeUnavailableException>(() =>
            probe.MeasureAsync(_withHealth.BaseUrl + "/", TestContext.Current.CancellationToken));
        Assert.Contains("apt-get install chromium", e.Message);
        Assert.Contains("Credibility:ChromiumPath", e.Message);
    }
}
