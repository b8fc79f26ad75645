using System.Net;
using System.Net.Http.Headers;
using Jiedan.Testing;

namespace Jiedan.Web.Tests.Security;

/// <summary>Response headers, forwarded headers from trusted and untrusted proxies, /metrics access and open redirects.</summary>
public class HeadersAndProxyTests
{
    [Fact]
    public async Task Every_kind_of_response_carries_the_security_headers()
    {
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite);
        using var anonymous = server.CreateAnonymousClient();
        using var api = server.CreateClient();
        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["page"] = await anonymous.GetAsync("/login"),
            ["redirect"] = await anonymous.GetAsync("/deals"),
            ["api"] = await api.GetAsync("/api/v1/deals"),
            ["api error"] = await anonymous.GetAsync("/api/v1/deals"),
            ["not found"] = await anonymous.GetAsync("/no/such/page"),
            ["415"] = await api.PostAsync("/api/v1/deals", new StringContent("{}")),
            ["static"] = await anonymous.GetAsync("/assets/site.css"),
            ["health"] = await anonymous.GetAsync("/health"),
        };
        foreach (var (what, response) in responses)
        {
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.True(csp.Contains("default-src 'self'", StringComparison.Ordinal), what);
            Assert.True(csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal), what);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{what}: no HSTS over plain http");
        }
    }

    [Fact]
    public async Task Forwarded_https_from_a_trusted_proxy_makes_cookies_secure()
    {
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite,
            settings: new Dictionary<string, string?> { ["ForwardedHeaders:TrustedProxies:0"] = "127.0.0.0/8" });
        await OwnerPassword.SetAsync(server);
        using var browser = new DashboardSession(server.BaseAddress);
        browser.Headers["X-Forwarded-Proto"] = "https";
        browser.Headers["X-Forwarded-For"] = "203.0.113.9";
        var page = await browser.GetAsync("/login");
        Assert.Equal("max-age=31536000", page.Headers.GetValues("Strict-Transport-Security").Single());
        await browser.LoginAsync(OwnerPassword.Value);
        Assert.Contains(browser.SetCookieHeaders, h => h.StartsWith("jiedan.auth=", StringComparison.Ordinal));
        Assert.All(browser.SetCookieHeaders, h => Assert.Contains("; secure", h, StringComparison.OrdinalIgnoreCase));

        // The client address came from the proxy: its own rate-limit partition, and /metrics is not "local".
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_untrusted_address_are_ignored()
    {
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite,
            settings: new Dictionary<string, string?> { ["ForwardedHeaders:TrustedProxies:0"] = "192.0.2.1" });
        await OwnerPassword.SetAsync(server);
        using var browser = new DashboardSession(server.BaseAddress);
        browser.Headers["X-Forwarded-Proto"] = "https";
        var page = await browser.GetAsync("/login");
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        await browser.LoginAsync(OwnerPassword.Value);
        Assert.Contains(browser.SetCookieHeaders, h => h.StartsWith("jiedan.auth=", StringComparison.Ordinal));
        Assert.All(browser.SetCookieHeaders, h => Assert.DoesNotContain("; secure", h, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Metrics_need_the_token_when_one_is_set_and_loopback_otherwise()
    {
        await using (var local = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite))
        {
            using var http = local.CreateAnonymousClient();
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/metrics")).StatusCode);
            using var relayed = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            relayed.Headers.Add("X-Forwarded-For", "198.51.100.7"); // a local reverse proxy relaying the internet
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(relayed)).StatusCode);
        }

        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite,
            settings: new Dictionary<string, string?> { ["Metrics:Token"] = "metrics-secret-0123456789" });
        using var anonymous = server.CreateAnonymousClient();
        var refused = await anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("http_request_duration_seconds", await refused.Content.ReadAsStringAsync());
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "metrics-secret-wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "metrics-secret-0123456789");
        Assert.Contains("# TYPE http_request_duration_seconds histogram", await anonymous.GetStringAsync("/metrics"));
    }

    [Theory]
    [InlineData("/%5Cx", "/")]
    [InlineData("/%5C%5Cevil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/%0D%0ALocation:%20x", "/")]
    [InlineData("/deals?stage=Lead", "/deals?stage=Lead")]
    public async Task The_language_switch_only_returns_to_local_paths(string returnUrl, string expected)
    {
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite);
        using var http = server.CreateAnonymousClient();
        var response = await http.GetAsync($"/lang/zh?returnUrl={returnUrl}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }
}
