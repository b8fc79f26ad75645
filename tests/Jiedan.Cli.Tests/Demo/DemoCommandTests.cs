using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jiedan.Bot.Demo;
using Jiedan.Bot.Storage;
using Jiedan.Common.Cli;
using Jiedan.Deals.Storage;
using Jiedan.Gate.Demo;
using Jiedan.Gate.Storage;
using Jiedan.Quote.Demo;
using Jiedan.Quote.Storage;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Cli.Tests.Demo;

/// <summary>
/// <c>jiedan demo add|remove</c> on a database that already holds a real deal with a quote, a gate run and a bot conversation:
/// the demo fills every capability (seen through the running server's pages and API), a second add is refused with exit 2 and
/// changes nothing, and remove deletes the demo rows and only them: every table is, row for row, as it was before.
/// </summary>
public sealed class DemoCommandTests
{
    /// <summary>
    /// Credibility's conversion scores on demo deals: its RemoveDemoAsync is another branch's work. Delete this entry when it
    /// lands, so the comparison below covers it too.
    /// </summary>
    private static readonly string[] NotYetRemoved = [];

    /// <summary>The API token the test's HTTP requests use: each request notes when it was last used.</summary>
    private const string UsedByRequests = "api_tokens";

    private static async Task<string> Succeeds(params string[] args)
    {
        var (exit, stdout, stderr) = await CommandLine.RunAsync(args);
        Assert.True(exit == ExitCodes.Ok, $"jiedan {string.Join(' ', args)} exited {exit}: {stderr}");
        return stdout;
    }

    /// <summary>Every table's rows and checksum, as <c>jiedan db copy</c> counts them (provider-independent).</summary>
    private static async Task<Dictionary<string, (long Rows, string Checksum)>> Tables(TestDatabase db)
    {
        await using var copy = TestDatabase.Sqlite();
        var json = await Succeeds("db", "copy", "--from", db.Argument, "--to", copy.Argument, "--json");
        return JsonDocument.Parse(json).RootElement.GetProperty("tables").EnumerateArray()
            .Where(t => t.GetProperty("table").GetString() != UsedByRequests).ToDictionary(
            t => t.GetProperty("table").GetString()!, t => (t.GetProperty("rows").GetInt64(), t.GetProperty("checksum").GetString()!));
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Demo_add_fills_every_capability_and_remove_leaves_the_real_data_as_it_was(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(kind);
        // The server first: its owner account and API token are there before anything is compared.
        await using var server = await JiedanTestServer.StartAsync(db);
        var real = await AddRealDealAsync(db, server.Services, ct);
        var before = await Tables(db);

        await Succeeds("demo", "add", "--db", db.Argument);
        var added = await Tables(db);
        Assert.Equal(before["deals"].Rows + DemoSeeder.PortfolioSize, added["deals"].Rows);
        foreach (var table in new[] { "gate_runs", "quotes", "bot_conversations", "bot_confirmations", "bot_confirmation_transitions",
            "bot_human_queue", "bot_inbound_updates", "deal_conversion_scores" })
            Assert.True(added[table].Rows > before[table].Rows, $"demo add put nothing into {table}");
        Assert.Equal(before["bot_outbox"], added["bot_outbox"]);
        await ThePagesShowTheDemoAsync(server, ct);

        var (again, _, againErr) = await CommandLine.RunAsync("demo", "add", "--db", db.Argument);
        Assert.Equal(ExitCodes.BadInput, again);
        Assert.Contains("already holds demo data: nothing added", againErr);
        Assert.Equal(added, await Tables(db));

        using var removed = JsonDocument.Parse(await Succeeds("demo", "remove", "--db", db.Argument, "--json"));
        Assert.Equal(DemoSeeder.PortfolioSize, removed.RootElement.GetProperty("deals").GetInt32());
        var modules = removed.RootElement.GetProperty("modules").EnumerateArray()
            .ToDictionary(m => m.GetProperty("module").GetString()!, m => m.GetProperty("rows").GetInt32());
        Assert.Equal(added["gate_runs"].Rows - before["gate_runs"].Rows, modules["gate"]);
        Assert.Equal(added["quotes"].Rows - before["quotes"].Rows, modules["quote"]);
        Assert.True(modules["bot"] > 0);

        var after = await Tables(db);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (table, figures) in before.Where(t => !NotYetRemoved.Contains(t.Key)))
            Assert.True(figures == after[table], $"{table}: {figures} before the demo, {after[table]} after it was removed");
        await TheRealDealIsShownAsBeforeAsync(server, real, ct);

        var (none, noneOut, _) = await CommandLine.RunAsync("demo", "remove", "--db", db.Argument);
        Assert.Equal(ExitCodes.Ok, none);
        Assert.Contains("No demo data", noneOut);
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Serve_demo_shows_bot_conversations_quotes_and_gate_runs(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await JiedanTestServer.StartAsync(kind, demo: true);
        await ThePagesShowTheDemoAsync(server, ct);
    }

    private sealed record RealDeal(long Id, long QuoteId, long GateRunId, long ConfirmationId);

    /// <summary>
    /// A real deal with a quote (<c>jiedan quote --deal</c>), a gate run (<c>jiedan gate --deal</c>) and a bot conversation.
    /// </summary>
    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Demo_add_beside_a_real_deal_holding_one_of_the_demo_external_ids_is_refused_and_adds_nothing(TestDatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await Succeeds("db", "migrate", "--db", db.Argument);
        await Succeeds("deals", "add", "--client", "Real client", "--platform", "Upwork", "--external-id", "demo-042", "--db", db.Argument);
        var before = await Tables(db);

        var (exit, stdout, stderr) = await CommandLine.RunAsync("demo", "add", "--db", db.Argument);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("1 real deal(s)", stderr);
        Assert.Contains("(demo-042): nothing added", stderr);
        Assert.Equal("", stdout);
        Assert.Equal(before, await Tables(db));
    }

    private static async Task<RealDeal> AddRealDealAsync(TestDatabase db, IServiceProvider services, CancellationToken ct)
    {
        using var deal = JsonDocument.Parse(await Succeeds("deals", "add", "--client", "真实客户 Real Client", "--platform", "Upwork",
            "--budget", "9000", "--currency", "USD", "--json", "--db", db.Argument));
        var id = deal.RootElement.GetProperty("id").GetInt64();
        var spec = Path.Combine(AppContext.BaseDirectory, "Quote", "Data", "quote.yml");
        await Succeeds("quote", spec, "--deal", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db.Argument);
        var project = Directory.CreateTempSubdirectory("jiedan-demo-real-");
        try
        {
            var (gate, _, gateErr) = await CommandLine.RunAsync("gate", project.FullName, "--deal",
                id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", Path.Combine(project.FullName, "report"),
                "--db", db.Argument);
            Assert.True(gate == ExitCodes.CheckFailed, $"a gate run on an empty project fails: {gate} {gateErr}");
        }
        finally
        {
            project.Delete(recursive: true);
        }
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        using var scope = services.CreateScope();
        var bot = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var conversation = new ConversationRecord { Platform = "telegram", Bot = "sales", ChatId = "777", ClientName = "Real Client",
            FirstSeenUtc = now, LastMessageUtc = now };
        bot.Conversations.Add(conversation);
        var update = new InboundUpdateRecord { Platform = "telegram", Bot = "sales", UpdateKey = "9001", Kind = "Text", Body = "{}",
            ReceivedAtUtc = now, ProcessedAtUtc = now, Outcome = "confirmation" };
        bot.InboundUpdates.Add(update);
        await bot.SaveChangesAsync(ct);
        bot.Confirmations.Add(new ConfirmationRecord { Id = update.Id, ConversationId = conversation.Id, ChatId = "777", Version = 1,
            State = "Confirmed", ItemsJson = """[{"number":1,"text":"Login API","acceptance":null}]""", DecisionsJson = """["Confirmed"]""",
            CreatedAtUtc = now, ExpiresAtUtc = now.AddDays(7), UpdatedAtUtc = now, DealId = id });
        bot.HumanQueue.Add(new HumanQueueRecord { ConversationId = conversation.Id, InboundUpdateId = update.Id, ClientName = "Real Client",
            Text = "Can we talk tomorrow?", ReceivedAtUtc = now });
        await bot.SaveChangesAsync(ct);
        var quoteId = await scope.ServiceProvider.GetRequiredService<QuotesDbContext>().Quotes.Where(q => q.DealId == id)
            .Select(q => q.Id).SingleAsync(ct);
        var runId = await scope.ServiceProvider.GetRequiredService<GateDbContext>().Runs.Where(r => r.DealId == id)
            .Select(r => r.Id).SingleAsync(ct);
        return new RealDeal(id, quoteId, runId, update.Id);
    }

    private static async Task TheRealDealIsShownAsBeforeAsync(JiedanTestServer server, RealDeal real, CancellationToken ct)
    {
        using var client = server.CreateClient();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/deals/{real.Id}", ct));
        Assert.Contains("真实客户 Real Client", page);
        Assert.Contains($"/api/v1/quotes/{real.QuoteId}/pdf", page);
        Assert.Contains($"/api/v1/deals/{real.Id}/gate-runs/{real.GateRunId}/report", page);
        var bot = WebUtility.HtmlDecode(await client.GetStringAsync("/bot", ct));
        Assert.Contains($"/bot/confirmations/{real.ConfirmationId}\"", bot);
        Assert.Contains("Can we talk tomorrow?", bot);
        Assert.DoesNotContain($"telegram / {BotDemoSeeder.BotName}", bot);
        Assert.DoesNotContain(QuoteDemoSeeder.TitleMark, bot);
    }

    /// <summary>/bot, a confirmation, a deal page with its quotes and gate runs, the quote PDF and the gate report, over HTTP.</summary>
    private static async Task ThePagesShowTheDemoAsync(JiedanTestServer server, CancellationToken ct)
    {
        using var client = server.CreateClient();
        var bot = WebUtility.HtmlDecode(await client.GetStringAsync("/bot", ct));
        foreach (var shown in new[] { "id=\"bot-queue\"", "id=\"bot-confirmations\"", "Confirmed", "Expired", "Sent", "周末方便电话沟通一下吗？",
            $"telegram / {BotDemoSeeder.BotName}", $"wecom / {BotDemoSeeder.BotName}", "(demo)", "（演示）" })
            Assert.Contains(shown, bot);
        Assert.Matches(@"<strong id=""outbox-pending"">0</strong>", bot);

        using var scope = server.Services.CreateScope();
        var amended = await scope.ServiceProvider.GetRequiredService<BotDbContext>().Confirmations
            .Where(c => c.Version == 2 && c.State == "Confirmed").Select(c => c.Id).FirstAsync(ct);
        var confirmation = WebUtility.HtmlDecode(await client.GetStringAsync($"/bot/confirmations/{amended}", ct));
        Assert.Contains("v2", confirmation);
        Assert.Contains("amend item 3", confirmation);
        Assert.Matches(@"<a href=""/deals/\d+"" id=""linked-deal"">", confirmation);

        var gate = scope.ServiceProvider.GetRequiredService<GateDbContext>();
        var runs = await gate.Runs.Where(r => EF.Functions.Like(r.Project, GateDemoSeeder.ProjectPrefix + "%"))
            .Select(r => new { r.Id, r.DealId, r.Passed })
            .ToListAsync(ct);
        Assert.True(runs.Count >= 5, $"{runs.Count} demo gate runs");
        Assert.Contains(runs, r => r.Passed);
        Assert.Contains(runs, r => !r.Passed);
        var run = runs[0];
        var report = await client.GetStringAsync($"/api/v1/deals/{run.DealId}/gate-runs/{run.Id}/report", ct);
        Assert.Contains("synthetic evidence", WebUtility.HtmlDecode(report));
        var pdf = await client.GetAsync($"/api/v1/deals/{run.DealId}/gate-runs/{run.Id}/report?format=pdf", ct);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);

        var quotes = await scope.ServiceProvider.GetRequiredService<QuotesDbContext>().Quotes
            .Where(q => EF.Functions.Like(q.Title!, "%" + QuoteDemoSeeder.TitleMark))
            .Select(q => new { q.Id, q.DealId, q.SpecText }).ToListAsync(ct);
        Assert.Equal(QuoteDemoSeeder.DealsQuoted, quotes.Count);
        Assert.All(quotes, q => Assert.Contains("architecture: |", q.SpecText));
        var dealPage = WebUtility.HtmlDecode(await client.GetStringAsync($"/deals/{quotes[0].DealId}", ct));
        Assert.Contains($"/api/v1/quotes/{quotes[0].Id}/pdf", dealPage);
        var proposal = await client.GetAsync($"/api/v1/quotes/{quotes[0].Id}/pdf", ct);
        Assert.Equal(HttpStatusCode.OK, proposal.StatusCode);
        var runPage = WebUtility.HtmlDecode(await client.GetStringAsync($"/deals/{run.DealId}", ct));
        Assert.Contains($"/api/v1/deals/{run.DealId}/gate-runs/{run.Id}/report", runPage);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/quote", ct)).StatusCode);
    }
}
