using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jiedan.Credibility.Tests.Audit;

/// <summary>
/// A stand-in for the GitHub Actions API on Kestrel at 127.0.0.1, which the audit's real HttpClient talks to:
/// the pass rate over the default branch's last 50 runs (pushes included), pages, odd answers, failures.
/// </summary>
public sealed class ActionsApiTests
{
    private static object Run(string branch, string status, string? conclusion, string @event = "push") =>
        new { id = 1, head_branch = branch, status, conclusion, @event };

    private static IEnumerable<object> MainRuns(int success, int failure) =>
        Enumerable.Range(0, success).Select(_ => Run("main", "completed", "success"))
            .Concat(Enumerable.Range(0, failure).Select(i => Run("main", "completed", "failure", i % 2 == 0 ? "push" : "pull_request")));

    private static async Task<(WebApplication App, string Url)> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        map(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, url + "/");
    }

    private static void Repo(WebApplication app) =>
        app.MapGet("/repos/acme/widget", () => Results.Json(new { default_branch = "main", full_name = "acme/widget" }));

    [Fact]
    public async Task The_pass_rate_is_successful_over_completed_runs_of_the_default_branch_with_the_denominator_shown()
    {
        var runs = MainRuns(47, 3)
            .Append(Run("main", "in_progress", null))
            .Append(Run("main", "completed", "cancelled"))
            .Append(Run("feature", "completed", "failure"))
            .ToList();
        string? branchAsked = null, auth = null;
        var (app, url) = await StartAsync(a =>
        {
            Repo(a);
            a.MapGet("/repos/acme/widget/actions/runs", (HttpRequest r) =>
            {
                branchAsked = r.Query["branch"];
                auth = r.Headers.Authorization;
                return Results.Json(new { total_count = runs.Count, workflow_runs = runs });
            });
        });
        await using var _ = app;
        using var repo = Fixtures.Exemplary();
        var (_, root) = await AuditCommandTests.AuditJsonAsync(repo.Root, "--github-api", url, "--github-token", "t0ken");
        var ci = AuditCommandTests.Check(root, "ci");
        Assert.True(ci.GetProperty("passed").GetBoolean());
        Assert.EndsWith("main: 47/50 = 94% of completed runs succeeded (threshold 92%)", ci.GetProperty("evidence").GetString());
        Assert.Equal("main", branchAsked);
        Assert.Equal("Bearer t0ken", auth);
        Assert.Equal(47, root.GetProperty("ci").GetProperty("successful").GetInt32());
        Assert.Equal(50, root.GetProperty("ci").GetProperty("completed").GetInt32());
    }

    [Fact]
    public async Task Pages_are_followed_on_the_same_origin_and_a_low_rate_fails()
    {
        var all = MainRuns(40, 10).ToList();
        var (app, url) = await StartAsync(a =>
        {
            Repo(a);
            a.MapGet("/repos/acme/widget/actions/runs", (HttpRequest r, HttpResponse response) =>
            {
                var page = r.Query["page"] == "2" ? 2 : 1;
                var next = $"{r.Scheme}://{r.Host}/repos/acme/widget/actions/runs?branch=main&per_page=50&page=2";
                if (page == 1) response.Headers.Link = $"<{next}>; rel=\"next\"";
                return Results.Json(new { workflow_runs = page == 1 ? all.Take(30) : all.Skip(30) });
            });
        });
        await using var _ = app;
        using var repo = Fixtures.Exemplary();
        var (_, root) = await AuditCommandTests.AuditJsonAsync(repo.Root, "--github-api", url);
        var ci = AuditCommandTests.Check(root, "ci");
        Assert.False(ci.GetProperty("passed").GetBoolean());
        Assert.EndsWith("main: 40/50 = 80% of completed runs succeeded (threshold 92%)", ci.GetProperty("evidence").GetString());
        Assert.Equal(85, root.GetProperty("score").GetInt32());
    }

    [Theory]
    [InlineData("500", "GET /repos/acme/widget/actions/runs: HTTP 500")]
    [InlineData("huge", "GET /repos/acme/widget/actions/runs: answer larger than 4 MiB")]
    [InlineData("deep", "GET /repos/acme/widget/actions/runs: nested deeper than 64 levels")]
    [InlineData("odd", "GET /repos/acme/widget/actions/runs: no workflow_runs array in the answer")]
    [InlineData("redirect", "GET /repos/acme/widget/actions/runs: HTTP 302 (redirects are not followed)")]
    public async Task A_failing_or_hostile_api_leaves_the_check_reported_from_the_workflow_with_the_reason(string mode, string reason)
    {
        var (app, url) = await StartAsync(a =>
        {
            Repo(a);
            a.MapGet("/repos/acme/widget/actions/runs", async (HttpResponse response) =>
            {
                switch (mode)
                {
                    case "500": response.StatusCode = 500; return;
                    case "redirect": response.Redirect("http://127.0.0.1:9/elsewhere"); return;
                    case "odd": await response.WriteAsJsonAsync(new { workflow_runs = "yes" }); return;
                    case "deep":
                        response.ContentType = "application/json";
                        await response.WriteAsync(new string('[', 10_000) + new string(']', 10_000));
                        return;
                    default:
                        response.ContentType = "application/json"; // no Content-Length: the cap applies while reading
                        var chunk = Encoding.UTF8.GetBytes(new string(' ', 64 * 1024));
                        for (var i = 0; i < 100; i++) await response.Body.WriteAsync(chunk);
                        return;
                }
            });
        });
        await using var _ = app;
        using var repo = Fixtures.Exemplary();
        var clock = Stopwatch.StartNew();
        var (_, root) = await AuditCommandTests.AuditJsonAsync(repo.Root, "--github-api", url);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
        var ci = AuditCommandTests.Check(root, "ci");
        Assert.True(ci.GetProperty("passed").GetBoolean());
        Assert.Equal(".github/workflows/ci.yml:10 runs tests; Actions API: " + reason, ci.GetProperty("evidence").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("ci").ValueKind);
    }

    [Fact]
    public async Task An_unreachable_api_is_a_reason_not_a_crash()
    {
        using var repo = Fixtures.Exemplary();
        var (_, root) = await AuditCommandTests.AuditJsonAsync(repo.Root, "--github-api", "http://127.0.0.1:9/");
        Assert.Contains("Actions API: 127.0.0.1: ConnectionError",
            AuditCommandTests.Check(root, "ci").GetProperty("evidence").GetString(), StringComparison.Ordinal);
    }
}
