using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiedan.Contract.Services;
using Jiedan.Credibility.Proposal;
using Jiedan.Domain.Contract;
using Jiedan.Quote.Services;
using Jiedan.Reporting.Documents;
using Jiedan.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jiedan.Credibility.Tests.Proposal;

/// <summary>
/// The proposal score of a deal whose quote and requirement were stored through the quote and contract modules' own
/// services, on SQLite and PostgreSQL; read back by the reader, the API and <c>jiedan credibility proposal</c>.
/// </summary>
public sealed class ProposalStoreTests(JiedanServerFixture fixture) : IClassFixture<JiedanServerFixture>
{
    private const string FullSpec = """
        title: Shop API
        platform: upwork
        seniority: mid
        size: { lines: 5000 }
        sla: { p99_ms: 300, uptime_percent: 99.9, support: "weekdays 09:00-18:00 UTC+8" }
        architecture: |
          flowchart LR
            web[Web] --> api[API]
            api --> db[(PostgreSQL)]
        milestones:
          - { name: Prototype, due: 2027-01-15, amount: 2000 }
          - { name: Delivery, amount: 3000 }
        validity_days: 30
        """;

    private const string PlainSpec = """
        platform: upwork
        seniority: mid
        size: { lines: 5000 }
        sla: { p99_ms: 300, uptime_percent: 99.9 }
        """;

    private const string Requirement = """
        service: shop
        version: 1.0.0
        entities:
          Product:
            fields:
              name: { type: string, required: true, min_length: 1, max_length: 80 }
              price: { type: number, minimum: 0 }
            operations: [create, get]
        """;

    private static async Task<long> DealWithAsync(JiedanTestServer server, string? spec, string? requirement)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = server.CreateClient();
        var deal = await ApiDeals.CreateAsync(client, ct);
        using var scope = server.Services.CreateScope();
        if (spec is not null)
        {
            var quotes = scope.ServiceProvider.GetRequiredService<QuoteService>();
            await quotes.SaveAsync(await quotes.PrepareAsync(spec, "spec.yml", ".", null, ct), deal, ct);
        }
        if (requirement is not null)
            await scope.ServiceProvider.GetRequiredService<RequirementStore>()
                .AddAsync(deal, requirement, RequirementReader.Read(requirement, "requirement.yml"), "test", ct);
        return deal;
    }

    private static List<string> Checks(JsonElement score) => [.. score.GetProperty("checks").EnumerateArray().Select(c =>
        string.Join(" | ", c.GetProperty("id").GetString(), c.GetProperty("passed").GetBoolean(), c.GetProperty("evidence").GetString(),
            c.GetProperty("fix").GetString(), c.GetProperty("weight").GetDouble().ToString(CultureInfo.InvariantCulture)))];

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_full_proposal_reads_back_as_facts_and_scores_100_until_it_expires(TestDatabaseKind kind)
    {
        var server = await fixture.ServerAsync(kind);
        var ct = TestContext.Current.CancellationToken;
        var deal = await DealWithAsync(server, PlainSpec, null);
        using (var scope = server.Services.CreateScope())
        {
            // A second, newer quote with every term: the newest one is read.
            var quotes = scope.ServiceProvider.GetRequiredService<QuoteService>();
            await quotes.SaveAsync(await quotes.PrepareAsync(FullSpec, "spec.yml", ".", null, ct), deal, ct);
            await scope.ServiceProvider.GetRequiredService<RequirementStore>()
                .AddAsync(deal, Requirement, RequirementReader.Read(Requirement, "requirement.yml"), "test", ct);
        }

        using var read = server.Services.CreateScope();
        // The client sees the terms in the proposal document itself.
        var view = await read.ServiceProvider.GetRequiredService<QuoteService>().FindAsync(2, ct);
        var document = QuoteProposalDocument.Build(view!);
        Assert.Contains(document.Blocks, b => b is Heading { Text: "里程碑 Milestones" });
        Assert.Contains(document.Blocks, b => b is Heading { Text: "架构 Architecture" });
        Assert.Contains(document.Blocks, b => b is Paragraph p && p.Text.StartsWith("flowchart LR", StringComparison.Ordinal));
        Assert.Contains(document.Blocks, b => b is KeyValueList kv && kv.Items.Any(i => i.Value == "weekdays 09:00-18:00 UTC+8"));
        var reader = read.ServiceProvider.GetRequiredService<ProposalFactsReader>();
        var facts = await reader.ReadAsync(deal, ct);

        Assert.NotNull(facts);
        Assert.Equal(2, facts.Quote!.QuoteId);
        Assert.Equal(99.9m, facts.Quote.UptimePercent);
        Assert.Equal("weekdays 09:00-18:00 UTC+8", facts.Quote.Terms.SupportWindow);
        Assert.StartsWith("flowchart LR", facts.Quote.Terms.ArchitectureMermaid);
        Assert.Equal(2, facts.Quote.Terms.Milestones.Count);
        Assert.Equal(new DateOnly(2027, 1, 15), facts.Quote.Terms.Milestones[0].Due);
        Assert.Equal(3000m, facts.Quote.Terms.Milestones[1].Amount);
        Assert.Equal(1, facts.Requirement!.Version);
        Assert.Equal(4, facts.Requirement.Criteria); // name: required, min, max; price: minimum

        var clock = new FakeTimeProvider(server.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var scores = new ProposalScores(reader, clock);
        Assert.Equal(100, (await scores.ScoreAsync(deal, chinese: false, ct))!.Score);
        clock.Advance(TimeSpan.FromDays(31));
        var expired = await scores.ScoreAsync(deal, chinese: false, ct);
        Assert.Equal(85, expired!.Score);
        Assert.Contains("expired on", expired.Checks.Single(c => c.Id == "validity").Evidence);
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task The_api_and_the_command_give_the_same_score_and_unknown_deals_are_refused(TestDatabaseKind kind)
    {
        var server = await fixture.ServerAsync(kind);
        var ct = TestContext.Current.CancellationToken;
        var deal = await DealWithAsync(server, PlainSpec, Requirement);
        using var client = server.CreateClient();

        var response = await client.GetAsync($"/api/v1/deals/{deal}/credibility/proposal", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var api = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(40, api.GetProperty("score").GetInt32()); // acceptance criteria 25 + validity 15

        var (exit, stdout, stderr) = await CommandLine.RunAsync("credibility", "proposal", "--deal", Id(deal), "--json",
            "--db", server.Database.Argument);
        Assert.True(exit == 0, stderr);
        var cli = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(40, cli.GetProperty("score").GetInt32());
        Assert.Equal(Checks(api), Checks(cli));

        var (textExit, text, _) = await CommandLine.RunAsync("credibility", "proposal", "--deal", Id(deal), "--db",
            server.Database.Argument);
        Assert.Equal(0, textExit);
        Assert.Contains($"deal {deal} proposal: score 40/100", text);
        Assert.Contains("sla: support:", text);

        var missing = await client.GetAsync("/api/v1/deals/424242/credibility/proposal", ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var (missingExit, _, missingErr) = await CommandLine.RunAsync("credibility", "proposal", "--deal", "424242",
            "--db", server.Database.Argument);
        Assert.Equal(2, missingExit);
        Assert.Contains("--deal: no deal 424242", missingErr);
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_deal_with_nothing_yet_scores_zero_with_a_fix_for_each_check(TestDatabaseKind kind)
    {
        var server = await fixture.ServerAsync(kind);
        var deal = await DealWithAsync(server, null, null);
        using var scope = server.Services.CreateScope();
        var score = await scope.ServiceProvider.GetRequiredService<ProposalScores>().ScoreAsync(deal, chinese: false,
            TestContext.Current.CancellationToken);
        Assert.Equal(0, score!.Score);
        Assert.All(score.Checks, c => Assert.NotEmpty(c.Fix));
    }

    [Fact]
    public async Task An_unreachable_database_exits_3()
    {
        var (exit, _, stderr) = await CommandLine.RunAsync("credibility", "proposal", "--deal", "1", "--db",
            "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=2");
        Assert.Equal(3, exit);
        Assert.DoesNotContain("Password=y", stderr);
    }
}
