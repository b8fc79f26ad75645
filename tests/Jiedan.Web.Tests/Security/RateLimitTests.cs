using System.Diagnostics;
using System.Globalization;
using System.Net;
using Jiedan.Testing;

namespace Jiedan.Web.Tests.Security;

/// <summary>Each wrong password costs a PBKDF2 run; a flood of them must be turned away before that work is done.</summary>
public class RateLimitTests
{
    private static Dictionary<string, string?> Limits(string name, int permits, int windowSeconds = 60) => new()
    {
        [$"RateLimits:{name}:PermitLimit"] = permits.ToString(CultureInfo.InvariantCulture),
        [$"RateLimits:{name}:WindowSeconds"] = windowSeconds.ToString(CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task Parallel_wrong_passwords_from_one_address_get_429_without_hashing()
    {
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite, settings: Limits("Login", 3));
        await OwnerPassword.SetAsync(server);
        using var attacker = new DashboardSession(server.BaseAddress);
        var token = await attacker.FormTokenAsync("/login");

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => attacker.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["UserName"] = "owner", ["Password"] = $"guess number {i}", ["__RequestVerificationToken"] = token,
                }),
            })));
        clock.Stop();
        var cpuSpent = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.OK) <= 3, "only the permitted attempts reach the password check");
        Assert.True(refused.Count >= 57, $"{refused.Count} of 60 refused");
        Assert.All(refused, r => Assert.True(int.Parse(r.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) >= 1));
        var page = await refused[0].Content.ReadAsStringAsync();
        Assert.Contains("Too many attempts", page);
        Assert.Contains("href=\"/login\"", page);
        // 60 PBKDF2 runs cost about 17 s of CPU; 3 of them about 1 s. Generous bounds only a regression breaks.
        Assert.True(cpuSpent < TimeSpan.FromSeconds(8), $"CPU spent: {cpuSpent}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Attempts_on_one_user_from_anywhere_are_limited_and_the_login_page_says_so()
    {
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite, settings: Limits("LoginPerUser", 2));
        await OwnerPassword.SetAsync(server);
        using var browser = new DashboardSession(server.BaseAddress);
        var wrong = new Dictionary<string, string> { ["UserName"] = "Owner ", ["Password"] = "not the password" };
        Assert.Equal(HttpStatusCode.OK, (await browser.PostFormAsync("/login", wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.PostFormAsync("/login", wrong)).StatusCode);

        // Even the right password waits: the limit is on attempts, and user names are matched case-insensitively.
        var right = new Dictionary<string, string> { ["UserName"] = "owner", ["Password"] = OwnerPassword.Value };
        var third = await browser.PostFormAsync("/login", right);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.Contains("Retry-After"));
        var html = await third.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\">Too many attempts. Try again in", html);
        Assert.Contains("id=\"login-submit\"", html);
        Assert.DoesNotContain("jiedan.auth", string.Join("\n", browser.SetCookieHeaders));
    }

    [Fact]
    public async Task Setup_posts_and_webhooks_are_limited_per_address()
    {
        var settings = Limits("Setup", 2);
        foreach (var (key, value) in Limits("Bots", 3)) settings[key] = value;
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite, settings: settings);
        using var browser = new DashboardSession(server.BaseAddress);
        var guess = new Dictionary<string, string> { ["Token"] = "setup_x", ["Password"] = "0123456789ab", ["Confirm"] = "0123456789ab" };
        Assert.Equal(HttpStatusCode.OK, (await browser.PostFormAsync("/setup", guess)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.PostFormAsync("/setup", guess)).StatusCode);
        var refused = await browser.PostFormAsync("/setup", guess);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many attempts", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/setup?token=x")).StatusCode); // showing the form is not limited

        using var http = server.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = await http.PostAsync("/bots/telegram/nosuchbot", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
            statuses.Add(last.StatusCode);
        }
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses.Skip(3));
        Assert.Equal("application/problem+json", last!.Content.Headers.ContentType!.MediaType);
        Assert.True(last.Headers.Contains("Retry-After"));
    }
}
