using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiedan.Testing;

namespace Jiedan.Credibility.Tests.Demo;

/// <summary>
/// <c>jiedan credibility demo</c> and <c>POST /api/v1/credibility/demo</c> against a demo served by the test. One class, so
/// the tests that set <c>Credibility__AllowPrivateDemoHosts</c> in the environment run one after another.
/// </summary>
public sealed class DemoCommandAndApiTests : IAsyncLifetime
{
    private const string AllowVariable = "Credibility__AllowPrivateDemoHosts";
    private DemoSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await DemoSite.StartAsync(health: true);

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task The_command_prints_the_score_as_json_with_every_check()
    {
        Environment.SetEnvironmentVariable(AllowVariable, "true");
        try
        {
            var (exit, stdout, stderr) = await CommandLine.RunAsync("credibility", "demo", _site.BaseUrl + "/errors", "--json");

            Assert.True(exit == 0, stderr);
            var root = JsonDocument.Parse(stdout).RootElement;
            Assert.InRange(root.GetProperty("score").GetInt32(), 0, 100);
            var checks = root.GetProperty("checks").EnumerateArray().ToList();
            Assert.Equal(["reachable", "health", "first-contentful-paint", "load", "console-errors"],
                checks.Select(c => c.GetProperty("id").GetString()));
            Assert.All(checks, c =>
            {
                Assert.True(c.TryGetProperty("passed", out _));
                Assert.True(c.TryGetProperty("evidence", out _));
                Assert.True(c.TryGetProperty("fix", out _));
                Assert.True(c.GetProperty("weight").GetDouble() > 0);
            });
            Assert.False(checks[4].GetProperty("passed").GetBoolean());

            var (zhExit, zhOut, _) = await CommandLine.RunAsync("credibility", "demo", _site.BaseUrl + "/errors", "--lang", "zh");
            Assert.Equal(0, zhExit);
            Assert.Contains("控制台错误 1 个", zhOut);
            Assert.Contains("score", zhOut);
        }
        finally { Environment.SetEnvironmentVariable(AllowVariable, null); }
    }

    [Theory]
    [InlineData("file:///etc/passwd", "only http and https")]
    [InlineData("not a url", "not an absolute URL")]
    public async Task A_bad_url_exits_2_naming_it(string url, string problem)
    {
        var (exit, stdout, stderr) = await CommandLine.RunAsync("credibility", "demo", url, "--json");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains(problem, stderr);
    }

    [Fact]
    public async Task A_private_host_exits_2_when_not_allowed()
    {
        var (exit, _, stderr) = await CommandLine.RunAsync("credibility", "demo", _site.BaseUrl + "/");
        Assert.Equal(2, exit);
        Assert.Contains("Credibility:AllowPrivateDemoHosts", stderr);
        Assert.Equal(0, _site.HealthCalls);
    }

    [Fact]
    public async Task The_api_scores_a_demo_and_an_unreachable_one_is_still_a_200_score()
    {
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite,
            settings: new Dictionary<string, string?> { ["Credibility:AllowPrivateDemoHosts"] = "true" });
        using var client = server.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var response = await client.PostAsJsonAsync("/api/v1/credibility/demo", new { url = _site.BaseUrl + "/" }, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("reachable", body.GetProperty("checks")[0].GetProperty("id").GetString());
        Assert.True(body.GetProperty("checks")[0].GetProperty("passed").GetBoolean());

        var closed = await client.PostAsJsonAsync("/api/v1/credibility/demo", new { url = "http://127.0.0.1:9/" }, ct);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var failed = await closed.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(0, failed.GetProperty("score").GetInt32());
        Assert.Contains("net::ERR_", failed.GetProperty("checks")[0].GetProperty("evidence").GetString());
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://127.0.0.1:25/")]
    [InlineData(null)]
    public async Task The_api_refuses_non_http_schemes_with_problem_json_naming_url(string? url)
    {
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite);
        using var client = server.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/credibility/demo", new { url }, TestContext.Current.CancellationToken);
        await AssertProblemNamingUrl(response);
    }

    [Fact]
    public async Task The_api_refuses_a_private_host_unless_configured_and_never_contacts_it()
    {
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite);
        using var client = server.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var port = new Uri(_site.BaseUrl).Port;
        foreach (var url in new[] { _site.BaseUrl + "/", $"http://localhost:{port}/", "http://169.254.169.254/" })
            await AssertProblemNamingUrl(await client.PostAsJsonAsync("/api/v1/credibility/demo", new { url }, ct));
        Assert.Equal(0, _site.HealthCalls);
    }

    private static async Task AssertProblemNamingUrl(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty("url", out _));
    }
}
