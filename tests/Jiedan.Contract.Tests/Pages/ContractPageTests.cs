using System.Net.Http.Json;
using System.Text.Json;
using Jiedan.Bot.Storage;
using Jiedan.Domain.Contract;
using Jiedan.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jiedan.Contract.Tests.Pages;

/// <summary>The contract page in headless Chromium: prefilled from the chat, an error at line:column, save, parity, downloads.</summary>
public sealed class ContractPageTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Prefill_from_the_confirmed_items_fix_an_error_save_and_download_the_files()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite);
        var dealId = await DealWithConfirmedItemsAsync(server, ct);
        await using var browser = await Browser.LaunchAsync();
        var context = await browser.NewContextAsync(
            new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString().TrimEnd('/'), AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.SetOwnerPasswordAsync(await server.IssueSetupTokenAsync(), Password);

        // No requirement yet: the editor holds a draft with one entity per confirmed item.
        await page.GotoAsync($"/contract/{dealId}");
        Assert.Equal(1, await page.Locator("#contract-prefilled").CountAsync());
        var draft = await page.InputValueAsync("#Yaml");
        Assert.Contains("Item2:", draft, StringComparison.Ordinal);
        Assert.Contains("登录接口", draft, StringComparison.Ordinal);

        // A mistake is named at line:column and nothing is stored.
        await page.FillAsync("#Yaml", ParityTests.SampleText.Replace("type: integer", "type: integr", StringComparison.Ordinal));
        await page.ClickAsync("#contract-save");
        Assert.StartsWith("Not saved: requirement.yml:10:29:", (await page.InnerTextAsync("#contract-error")).Trim(),
            StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#contract-empty").CountAsync());

        // Saved: version 1, complete parity, and the two files as downloads.
        await page.FillAsync("#Yaml", ParityTests.SampleText);
        await page.ClickAndArriveAsync("#contract-save", Arrival.At($"/contract/{dealId}?saved=1"));
        Assert.Contains("complete", await page.InnerTextAsync("#contract-parity"), StringComparison.Ordinal);
        Assert.True(await page.Locator("#contract-parity-table tbody tr").CountAsync() > 10);
        var contract = ContractGenerator.Generate(RequirementReader.Read(ParityTests.SampleText, "requirement.yml"));
        Assert.Equal(contract.ProtoText, await DownloadAsync(page, "#contract-downloads a:has-text('orders.proto')"));
        Assert.Equal(contract.OpenApiYaml, await DownloadAsync(page, "#contract-downloads a:has-text('openapi.yaml')"));
        Assert.Equal(1, await page.Locator("#contract-history tbody tr").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "jiedan-contract.png"),
            FullPage = true });

        // The deal page's section, and the page in Chinese.
        await page.GotoAsync($"/deals/{dealId}");
        Assert.Contains("orders", await page.InnerTextAsync("#contract-latest"), StringComparison.Ordinal);
        await page.GotoAsync($"/lang/zh-CN?returnUrl=/contract/{dealId}");
        await page.WaitForSelectorAsync("h1:has-text('接口契约')");
        Assert.Contains("两份文件的约束相同", await page.InnerTextAsync("#contract-parity"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_entity_field_editor_opens_with_the_confirmed_items_and_saves_a_version_with_complete_parity()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite);
        var dealId = await DealWithConfirmedItemsAsync(server, ct);
        await using var browser = await Browser.LaunchAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString().TrimEnd('/') });
        var page = await context.NewPageAsync();
        await page.SetOwnerPasswordAsync(await server.IssueSetupTokenAsync(), Password);

        // Prefilled from the items: one entity per item, the item as its description.
        await page.GotoAsync($"/contract/{dealId}");
        Assert.Equal(1, await page.Locator("#contract-form-prefilled").CountAsync());
        Assert.Equal("登录接口", await page.InputValueAsync("#Form_Entities_0__Description"));
        Assert.Equal("订单列表", await page.InputValueAsync("#Form_Entities_1__Description"));
        Assert.Equal("200", await page.InputValueAsync("#Form_Entities_0__Fields_0__MaxLength"));

        // A shorter name, and a new field: the extra row keeps what was typed.
        await page.FillAsync("#Form_Entities_0__Fields_0__MaxLength", "80");
        await page.FillAsync("#Form_Entities_0__Description", "登录接口: \"JWT\"");
        await page.Locator(".contract-add-field").First.ClickAsync();
        Assert.Equal("80", await page.InputValueAsync("#Form_Entities_0__Fields_0__MaxLength"));
        await page.FillAsync("#Form_Entities_0__Fields_1__Name", "phone");
        await page.FillAsync("#Form_Entities_0__Fields_1__MinLength", "30");
        await page.FillAsync("#Form_Entities_0__Fields_1__MaxLength", "20");
        await page.CheckAsync("#Form_Entities_0__Fields_1__Required");

        // min above max: named at line:column, nothing stored, the form keeps the values.
        await page.ClickAsync("#contract-form-save");
        Assert.Contains("requirement.yml:", await page.InnerTextAsync("#contract-form-error"), StringComparison.Ordinal);
        Assert.Contains("min_length is above max_length", await page.InnerTextAsync("#contract-form-error"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#contract-empty").CountAsync());
        Assert.Equal("phone", await page.InputValueAsync("#Form_Entities_0__Fields_1__Name"));

        await page.FillAsync("#Form_Entities_0__Fields_1__MinLength", "5");
        await page.ClickAndArriveAsync("#contract-form-save", Arrival.At($"/contract/{dealId}?saved=1"));
        Assert.Contains("complete", await page.InnerTextAsync("#contract-parity"), StringComparison.Ordinal);
        Assert.Contains("max_length=80", await page.InnerTextAsync("#contract-parity-table"), StringComparison.Ordinal);

        // The form reopens with the stored version.
        Assert.Equal("80", await page.InputValueAsync("#Form_Entities_0__Fields_0__MaxLength"));
        Assert.Equal("phone", await page.InputValueAsync("#Form_Entities_0__Fields_1__Name"));
        Assert.Equal("登录接口: \"JWT\"", await page.InputValueAsync("#Form_Entities_0__Description"));
        Assert.True(await page.IsCheckedAsync("#Form_Entities_0__Fields_1__Required"));
        var yaml = await page.InputValueAsync("#Yaml");
        var stored = RequirementReader.Read(yaml, "requirement.yml").Entities[0];
        Assert.Equal((5L, 20L, true), (stored.Fields[1].Constraints.MinLength!.Value, stored.Fields[1].Constraints.MaxLength!.Value,
            stored.Fields[1].Constraints.Required));
    }

    /// <summary>A deal whose client confirmed two items in chat (登录接口, 订单列表).</summary>
    private static async Task<long> DealWithConfirmedItemsAsync(JiedanTestServer server, CancellationToken ct)
    {
        long dealId;
        using (var http = server.CreateClient())
        {
            var deal = await http.PostAsJsonAsync("/api/v1/deals",
                new { client = "ACME Logistics", platform = "Upwork", seniority = "Senior" }, ct);
            dealId = (await deal.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
        }
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            var at = new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);
            var conversation = new ConversationRecord { Platform = "telegram", Bot = "main", ChatId = "42", ClientName = "王先生",
                FirstSeenUtc = at, LastMessageUtc = at };
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync(ct);
            db.Confirmations.Add(new ConfirmationRecord
            {
                Id = 7, ConversationId = conversation.Id, ChatId = "42", Version = 1, State = "Confirmed", DealId = dealId,
                ItemsJson = """[{"number":1,"text":"登录接口","acceptance":"返回 JWT"},{"number":2,"text":"订单列表","acceptance":null}]""",
                DecisionsJson = """["Confirmed","Confirmed"]""", CreatedAtUtc = at, ExpiresAtUtc = at.AddDays(7), UpdatedAtUtc = at,
            });
            await db.SaveChangesAsync(ct);
        }
        return dealId;
    }

    private static async Task<string> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(link));
        var path = await download.PathAsync();
        return await File.ReadAllTextAsync(path);
    }
}
