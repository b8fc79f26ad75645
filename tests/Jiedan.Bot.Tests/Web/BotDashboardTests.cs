using System.Net;
using System.Text.Json;
using Jiedan.Bot.Storage;
using Jiedan.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Bot.Tests.Web;

/// <summary>The bot's dashboard pages and evidence exports through the real host (login required).</summary>
public class BotDashboardTests
{
    [Fact]
    public async Task Queue_confirmation_history_and_evidence_exports_render_for_a_logged_in_user_only()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite);
        var at = new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            var conversation = new ConversationRecord { Platform = "telegram", Bot = "main", ChatId = "42", ClientName = "王先生",
                FirstSeenUtc = at, LastMessageUtc = at };
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync(ct);
            db.HumanQueue.Add(new HumanQueueRecord { ConversationId = conversation.Id, InboundUpdateId = 1, ClientName = "王先生",
                Text = "你好，在吗？", ReceivedAtUtc = at });
            db.Confirmations.Add(new ConfirmationRecord
            {
                Id = 7, ConversationId = conversation.Id, ChatId = "42", Version = 1, State = "Confirmed",
                ItemsJson = """[{"number":1,"text":"登录接口","acceptance":"返回 JWT"}]""", DecisionsJson = """["Confirmed"]""",
                CreatedAtUtc = at, ExpiresAtUtc = at.AddDays(7), UpdatedAtUtc = at,
            });
            db.Transitions.Add(new ConfirmationTransitionRecord
            {
                ConfirmationId = 7, Version = 1, FromState = "Sent", ToState = "Confirmed", Action = "confirm all",
                    Actor = "telegram:42 王先生",
                Snapshot = "需求确认 Requirement confirmation #7 v1\n1. 登录接口 ✅", AtUtc = at,
            });
            await db.SaveChangesAsync(ct);
        }

        using var anonymous = server.CreateAnonymousClient();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/bot", ct)).StatusCode);

        using var client = server.CreateClient();
        var index = WebUtility.HtmlDecode(await client.GetStringAsync("/bot", ct));
        Assert.Contains("你好，在吗？", index);
        Assert.Contains("/bot/confirmations/7", index);

        var detail = WebUtility.HtmlDecode(await client.GetStringAsync("/bot/confirmations/7", ct));
        Assert.Contains("confirm all", detail);
        Assert.Contains("1. 登录接口 ✅", detail);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/bot/confirmations/7?handler=Json", ct));
        var transition = json.RootElement.GetProperty("transitions")[0];
        Assert.Equal(("Confirmed", "telegram:42 王先生"),
            (transition.GetProperty("to").GetString(), transition.GetProperty("actor").GetString()));
        Assert.Equal("登录接口", json.RootElement.GetProperty("confirmation").GetProperty("items")[0].GetProperty("text").GetString());

        var markdown = await client.GetStringAsync("/bot/confirmations/7?handler=Markdown", ct);
        Assert.Contains("SHA-256", markdown);
        Assert.Contains("登录接口", markdown);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/bot/confirmations/999", ct)).StatusCode);
    }
}
