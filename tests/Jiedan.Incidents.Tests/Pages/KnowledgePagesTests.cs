using System.Net;
using System.Text.Json;
using Jiedan.Incidents.Storage;
using Jiedan.Incidents.Tests.Web;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jiedan.Incidents.Tests.Pages;

/// <summary>
/// Editing the knowledge graph in the dashboard, in headless Chromium: an entry added through the form is matched to the
/// next alert; changing its path moves the edge into its fix; a bad form names the field and stores nothing; a post
/// without the form's CSRF token changes nothing; deleting removes the entry and its fix node.
/// </summary>
public sealed class KnowledgePagesTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task An_entry_added_edited_and_deleted_in_the_dashboard_changes_what_alerts_are_matched_to()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ReceiverHost.StartAsync(TestDatabaseKind.Sqlite, ct);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.BaseAddress.ToString().TrimEnd('/') });
        await page.SetOwnerPasswordAsync(await server.IssueSetupTokenAsync(), Password);

        await page.GotoAsync("/knowledge?q=Filesystem");
        Assert.Contains("NodeFilesystemAlmostFull", await page.InnerTextAsync("#kb-entries"));
        await page.ClickAsync("#kb-new");
        await page.FillAsync("#Form_Title", "PgBouncerPoolExhausted");
        await page.FillAsync("#Form_AlertNames", "PgbouncerClientsWaiting\n连接池耗尽");
        await page.FillAsync("#Form_Matchers", "9lives=x");
        await page.FillAsync("#Form_Component", "pgbouncer");
        await page.FillAsync("#Form_ConfigurationItem", "pgbouncer.ini default_pool_size");
        await page.FillAsync("#Form_Diagnosis", "SHOW POOLS; look at cl_waiting");
        await page.ClickAsync("#kb-save");
        Assert.Contains("line 1", await page.InnerTextAsync("p.error[data-field='Matchers']"));
        Assert.Equal("pgbouncer", await page.InputValueAsync("#Form_Component"));
        Assert.Null(await EntryAsync(server, "PgBouncerPoolExhausted", ct));

        await page.FillAsync("#Form_Matchers", "service=orders");
        await page.ClickAsync("#kb-save");
        await page.WaitForSelectorAsync("#kb-graph svg");
        Assert.Equal(["symptom", "component", "configuration_item", "fix"],
            await page.Locator("#kb-graph .kb-node").EvaluateAllAsync<string[]>("l => l.map(e => e.dataset.kind)"));
        var entry = await EntryAsync(server, "PgBouncerPoolExhausted", ct);
        Assert.NotNull(entry);
        Assert.Equal("dashboard", entry.Source);

        // The next alert with that name is matched to the new entry and told to the chat.
        using var client = server.CreateAnonymousClient();
        var alert = new Payloads.TestAlert("PgbouncerClientsWaiting", "7a7a7a7a7a7a7a7a", Summary: "clients waiting on pool orders");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ReceiverHost.Post(Payloads.Firing(alert)), ct)).StatusCode);
        var incident = Assert.Single(await ReceiverHost.NotifiedAsync(server, 1, ct));
        using (var matches = JsonDocument.Parse(incident.MatchesJson!))
            Assert.Equal("PgBouncerPoolExhausted", matches.RootElement[0].GetProperty("title").GetString());

        // A changed path: the fix is now reached from the patch, no longer from the configuration item.
        await page.FillAsync("#Form_Patch", "pgbouncer 1.21");
        await page.ClickAsync("#kb-save");
        await page.WaitForSelectorAsync("#kb-graph .kb-node[data-kind='patch']");
        Assert.Equal(["patch"], await FixPredecessorKindsAsync(server, "PgBouncerPoolExhausted", ct));
        Assert.NotNull(await page.GetAttributeAsync("#Form_Title", "readonly"));

        // Without the form's CSRF token nothing is deleted.
        using (var api = server.CreateClient())
        {
            using var forged = await api.PostAsync($"/knowledge/{entry.Id}?handler=Delete", new FormUrlEncodedContent([]), ct);
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.NotNull(await EntryAsync(server, "PgBouncerPoolExhausted", ct));
        }

        await page.ClickAndArriveAsync("#kb-delete", Arrival.At("/knowledge"));
        Assert.Null(await EntryAsync(server, "PgBouncerPoolExhausted", ct));
        Assert.Empty(await FixPredecessorKindsAsync(server, "PgBouncerPoolExhausted", ct));
        Assert.Equal(404, (await page.GotoAsync($"/knowledge/{entry.Id}"))!.Status);

        await page.GotoAsync("/lang/zh-CN?returnUrl=/knowledge/new");
        await page.WaitForSelectorAsync("label:has-text('配置项')");
    }

    private static async Task<KbEntryRecord?> EntryAsync(JiedanTestServer server, string title, CancellationToken ct)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<IncidentsDbContext>>().CreateDbContextAsync(ct);
        return await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Title == title, ct);
    }

    private static async Task<List<string>> FixPredecessorKindsAsync(JiedanTestServer server, string title, CancellationToken ct)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<IncidentsDbContext>>().CreateDbContextAsync(ct);
        return await (from fix in db.Nodes
                      where fix.Kind == KbNodeKinds.Fix && fix.Name == title
                      join edge in db.Edges on fix.Id equals edge.ToId
                      join before in db.Nodes on edge.FromId equals before.Id
                      select before.Kind).ToListAsync(ct);
    }
}
