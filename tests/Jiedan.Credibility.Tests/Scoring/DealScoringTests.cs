using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiedan.Common.Cli;
using Jiedan.Credibility.Storage;
using Jiedan.Credibility.Tests.Audit;
using Jiedan.Credibility.Tests.Demo;
using Jiedan.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Credibility.Tests.Scoring;

/// <summary>
/// Scoring a deal end to end: the repository score is the saved audit's, the demo is measured now in Chromium, the proposal
/// is scored from the deal, and the recorded estimate is the weighted sum; a refused demo address is a 400 naming the field.
/// The trust page shows the CI pass rate of the repository's newest audit that counted runs.
/// </summary>
public sealed class DealScoringTests
{
    private static readonly Dictionary<string, string?> AllowLoopbackDemos = new() { ["Credibility:AllowPrivateDemoHosts"] = "true" };

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_deal_is_scored_on_its_proposal_the_saved_audit_and_the_demo_measured_now(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await JiedanTestServer.StartAsync(kind, settings: AllowLoopbackDemos);
        await using var site = await DemoSite.StartAsync(health: true);
        using var repo = Fixtures.Exemplary();
        var (audited, auditJson, auditErr) = await CommandLine.RunAsync(
            ["audit", repo.Root, "--save", "--json", "--db", server.Database.Argument]);
        Assert.True(audited == ExitCodes.Ok, auditErr);
        var auditScore = JsonDocument.Parse(auditJson).RootElement.GetProperty("score").GetInt32();

        using var client = server.CreateClient();
        var deal = await (await client.PostAsJsonAsync("/api/v1/deals",
            new { client = "Acme", platform = "Upwork", category = "ApiService", seniority = "Mid" }, ct))
            .Content.ReadFromJsonAsync<JsonElement>(ct);
        var id = deal.GetProperty("id").GetInt64();
        var proposal = await client.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{id}/credibility/proposal", ct);

        var scored = await client.PostAsJsonAsync($"/api/v1/deals/{id}/conversion/score",
            new { repository = "github.com/acme/widget", demoUrl = site.BaseUrl + "/" }, ct);
        Assert.Equal(HttpStatusCode.Created, scored.StatusCode);
        var s = await scored.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(auditScore, s.GetProperty("repository").GetProperty("score").GetInt32());
        Assert.Equal(proposal.GetProperty("score").GetInt32(), s.GetProperty("proposal").GetProperty("score").GetInt32());
        var demo = s.GetProperty("demo");
        Assert.Contains(demo.GetProperty("checks").EnumerateArray(), c => c.GetProperty("id").GetString() == "reachable"
            && c.GetProperty("passed").GetBoolean());
        var expected = 0.28 * s.GetProperty("proposal").GetProperty("score").GetInt32() + 0.35 * auditScore
            + 0.37 * demo.GetProperty("score").GetInt32();
        Assert.Equal(expected, s.GetProperty("estimate").GetDouble(), 6);

        var refused = await client.PostAsJsonAsync($"/api/v1/deals/{id}/conversion/score", new { demoUrl = "file:///etc/passwd" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors").TryGetProperty("demoUrl", out _));
        var unknown = await client.PostAsJsonAsync("/api/v1/deals/987654/conversion/score", new { }, ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var noAudit = await (await client.PostAsJsonAsync($"/api/v1/deals/{id}/conversion/score",
            new { repository = "github.com/acme/other" }, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(0, noAudit.GetProperty("repository").GetProperty("score").GetInt32());
        Assert.Contains("jiedan audit PATH --save", noAudit.GetProperty("repository").GetRawText());
        Assert.Contains("id=\"conversion-score\"", await client.GetStringAsync($"/deals/{id}", ct));
    }

    [Fact]
    public async Task The_cli_scores_a_deal_and_refuses_a_bad_demo_address_with_exit_2()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        await CommandLine.RunAsync(["db", "migrate", "--db", db.Argument]);
        var (_, dealJson, _) = await CommandLine.RunAsync(["deals", "add", "--client", "Acme", "--platform", "Upwork", "--json",
            "--db", db.Argument]);
        var id = JsonDocument.Parse(dealJson).RootElement.GetProperty("id").GetInt64()
            .ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (exit, output, err) = await CommandLine.RunAsync(["conversion", "score", "--deal", id, "--json", "--db", db.Argument]);
        Assert.True(exit == ExitCodes.Ok, err);
        var s = JsonDocument.Parse(output).RootElement;
        Assert.Equal(0, s.GetProperty("demo").GetProperty("score").GetInt32());
        Assert.Contains("no demo address given", s.GetProperty("demo").GetRawText());

        var (bad, _, badErr) = await CommandLine.RunAsync(
            ["conversion", "score", "--deal", id, "--demo", "gopher://x", "--db", db.Argument]);
        Assert.Equal(ExitCodes.BadInput, bad);
        Assert.Contains("--demo:", badErr);
        var (none, _, noneErr) = await CommandLine.RunAsync(["conversion", "score", "--deal", "4242", "--db", db.Argument]);
        Assert.Equal(ExitCodes.BadInput, none);
        Assert.Contains("no deal 4242", noneErr);
    }

    [Fact]
    public async Task The_trust_page_shows_the_ci_pass_rate_of_the_newest_audit_that_counted_runs()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite);
        using var client = server.CreateClient();
        var deal = (await (await client.PostAsJsonAsync("/api/v1/deals",
            new { client = "Acme", platform = "Upwork", category = "ApiService", seniority = "Mid" }, ct))
            .Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
        using (var scope = server.Services.CreateScope())
        {
            var gate = scope.ServiceProvider.GetRequiredService<Jiedan.Gate.Storage.GateRunStore>();
            await gate.AddAsync(new Jiedan.Gate.Storage.GateRunRecord
            {
                DealId = deal, CreatedAtUtc = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc), Passed = true, Checks = 0,
                EvidenceSha256 = new string('a', 64), Project = "widget", ChecklistJson = "{}", ReportHtml = "", ReportMarkdown = "",
            }, ct);
            var audits = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            audits.Audits.Add(Audit(new DateTime(2026, 11, 28, 0, 0, 0, DateTimeKind.Utc), 47, 50));
            audits.Audits.Add(Audit(new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc), null, null));
            await audits.SaveChangesAsync(ct);
        }
        var published = await client.PutAsJsonAsync("/api/v1/trust-pages/widget",
            new { project = "widget", title = "Widget", repository = "github.com/acme/widget" }, ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        using var anonymous = server.CreateAnonymousClient();
        var html = await anonymous.GetStringAsync("/trust/widget", ct);
        Assert.Contains("94%", html);
        Assert.Contains("47 of 50 completed runs succeeded", html);
    }

    private static RepositoryAuditRecord Audit(DateTime at, int? ok, int? all) => new()
    {
        Repository = "github.com/acme/widget", CreatedAtUtc = at, Score = 80, ChecksJson = "[]", CiSuccessful = ok, CiCompleted = all,
    };
}
