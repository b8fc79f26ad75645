using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiedan.Common.Cli;
using Jiedan.Testing;

namespace Jiedan.Credibility.Tests.Trust;

/// <summary>
/// A trust page end to end: gate runs made by the real <c>jiedan gate</c> on a deal, published by the owner, read by
/// an anonymous visitor over real HTTP; nothing private on it, and nothing public before or after publishing.
/// </summary>
public sealed class TrustPageTests : IDisposable
{
    private const string Client = "Secret Client 机密客户";
    private readonly string _dir = Directory.CreateTempSubdirectory("jiedan-trust-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Project => Path.Combine(_dir, "orders-api");

    private void Write(string name, string text)
    {
        var path = Path.Combine(Project, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>A project whose coverage is <paramref name="covered"/> of 10 statements and whose Cart benchmark takes
    /// <paramref name="nanoseconds"/> per op.</summary>
    private void Evidence(int covered, int nanoseconds)
    {
        Write("go.mod", "module example.com/orders\n\ngo 1.21\n");
        Write("coverage.out",
            $"mode: count\nexample.com/orders/a/a.go:3.1,5.2 {covered} 1\nexample.com/orders/a/a.go:6.1,7.2 {10 - covered} 0\n");
        Write("gocyclo.txt", "4 a Handle a/a.go:3:1\n");
        Write("results.sarif", """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"gosec"}},"results":[]}]}""");
        Write("api/openapi.yaml",
            "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      summary: A\n      responses:\n" +
            "        '200':\n          description: ok\n");
        Write("bench-baseline.txt", Bench(nanoseconds));
        Write("bench-current.txt", Bench(nanoseconds));
    }

    private static string Bench(int ns) => "goos: linux\ngoarch: amd64\npkg: example.com/orders\n" + string.Concat(Enumerable.Range(0, 6)
        .Select(i => string.Create(CultureInfo.InvariantCulture, $"BenchmarkCart-2\t1000000\t{ns + i}.0 ns/op\n")));

    private static async Task<string> Jiedan(params string[] args)
    {
        var (code, output, err) = await CommandLine.RunAsync(args);
        Assert.True(code == ExitCodes.Ok, $"jiedan {string.Join(' ', args)}: {output}{err}");
        return output;
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_published_project_shows_its_gate_history_to_anyone_and_nothing_private(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(kind);
        var db = database.Argument;
        await Jiedan("db", "migrate", "--db", db);
        var deal = JsonDocument.Parse(await Jiedan("deals", "add", "--client", Client, "--platform", "Upwork", "--category", "ApiService",
            "--seniority", "Mid", "--budget", "9876", "--currency", "USD", "--db", db, "--json")).RootElement.GetProperty("id").GetInt64();
        var dealArg = deal.ToString(CultureInfo.InvariantCulture);
        Evidence(covered: 7, nanoseconds: 2400);
        var (failed, _, _) = await CommandLine.RunAsync(
            ["gate", Project, "--deal", dealArg, "--db", db, "--out", Path.Combine(_dir, "r1")]);
        Assert.Equal(ExitCodes.CheckFailed, failed);
        Evidence(covered: 9, nanoseconds: 2100);
        await Jiedan("gate", Project, "--deal", dealArg, "--db", db, "--out", Path.Combine(_dir, "r2"));

        await using var server = await JiedanTestServer.StartAsync(database);
        using var anonymous = server.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/trust/orders", ct)).StatusCode);

        using var owner = server.CreateClient();
        var published = await owner.PutAsJsonAsync("/api/v1/trust-pages/orders",
            new { project = "orders-api", title = "Orders API 订单服务", repository = "github.com/dev/orders" }, ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("/trust/orders", (await published.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("url").GetString());

        var page = await anonymous.GetAsync("/trust/orders", ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(ct);
        Assert.Contains("Orders API 订单服务", html);
        Assert.Contains("id=\"trust-coverage-chart\"", html);
        Assert.Contains("trust-benchmark-chart", html);
        Assert.Contains("Cart", html);
        Assert.Contains("2 (1 passed)", html);
        Assert.Contains("90.0%", html);
        Assert.Contains("id=\"trust-checklist\"", html);
        Assert.DoesNotContain(Client, html);
        Assert.DoesNotContain("9876", html);
        Assert.DoesNotContain(_dir, html);
        Assert.DoesNotContain("/deals/", html);

        var zh = new HttpRequestMessage(HttpMethod.Get, "/trust/orders");
        zh.Headers.AcceptLanguage.ParseAdd("zh-CN");
        Assert.Contains("最近一次验收清单", await (await anonymous.SendAsync(zh, ct)).Content.ReadAsStringAsync(ct));

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync("/api/v1/trust-pages/orders", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/trust/orders", ct)).StatusCode);
    }

    [Fact]
    public async Task Publishing_refuses_bad_fields_with_problem_details_and_the_api_needs_the_owner()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite);
        using var owner = server.CreateClient();

        var bad = await owner.PutAsJsonAsync("/api/v1/trust-pages/Bad%20Slug", new { project = "", title = "" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("slug", out _));
        Assert.True(errors.TryGetProperty("project", out _));
        Assert.True(errors.TryGetProperty("title", out _));

        var noRuns = await owner.PutAsJsonAsync("/api/v1/trust-pages/orders", new { project = "orders-api", title = "Orders" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, noRuns.StatusCode);
        Assert.Contains("no gate run", await noRuns.Content.ReadAsStringAsync(ct));

        using var anonymous = server.CreateAnonymousClient();
        var refused = await anonymous.PutAsJsonAsync("/api/v1/trust-pages/orders", new { project = "orders-api", title = "Orders" }, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/trust/..%2Fadmin", ct)).StatusCode);
    }

    [Fact]
    public async Task The_cli_publishes_lists_and_withdraws_and_refuses_bad_input_with_exit_2()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        var db = database.Argument;
        await Jiedan("db", "migrate", "--db", db);
        var deal = JsonDocument.Parse(await Jiedan("deals", "add", "--client", "Acme", "--platform", "Upwork", "--category", "ApiService",
            "--seniority", "Mid", "--db", db, "--json")).RootElement.GetProperty("id").GetInt64();
        Evidence(covered: 8, nanoseconds: 2000);
        await Jiedan("gate", Project, "--deal", deal.ToString(CultureInfo.InvariantCulture), "--db", db, "--out", Path.Combine(_dir, "r"));

        var (badSlug, _, slugErr) = await CommandLine.RunAsync(["trust", "publish", "Nope!", "--project", "orders-api", "--title", "x",
            "--db", db]);
        Assert.Equal(ExitCodes.BadInput, badSlug);
        Assert.Contains("slug:", slugErr);
        var (unknown, _, unknownErr) = await CommandLine.RunAsync(["trust", "publish", "orders", "--project", "other", "--title", "x",
            "--db", db]);
        Assert.Equal(ExitCodes.BadInput, unknown);
        Assert.Contains("no gate run of project 'other'", unknownErr);

        Assert.Contains("published /trust/orders", await Jiedan("trust", "publish", "orders", "--project", "orders-api", "--title",
            "Orders", "--db", db));
        var list = JsonDocument.Parse(await Jiedan("trust", "list", "--db", db, "--json")).RootElement;
        Assert.Equal("orders-api", Assert.Single(list.EnumerateArray()).GetProperty("project").GetString());
        await Jiedan("trust", "unpublish", "orders", "--db", db);
        Assert.Empty(JsonDocument.Parse(await Jiedan("trust", "list", "--db", db, "--json")).RootElement.EnumerateArray());
        var (gone, _, _) = await CommandLine.RunAsync(["trust", "unpublish", "orders", "--db", db]);
        Assert.Equal(ExitCodes.BadInput, gone);
    }
}
