using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using Jiedan.Bot.Tests.Web;
using Jiedan.Domain.Bot.WeCom;
using Jiedan.Testing;

namespace Jiedan.Incidents.Tests.Web;

/// <summary>
/// The client answers in the chat through the real bot webhooks: the acknowledge button (Telegram) or "收到" (WeCom)
/// sets the acknowledgement once; after the resolved notification the chat is asked which suggestion fixed it, and the
/// answer (a button or "1") is recorded as <c>jiedan kb fixed</c> records it.
/// </summary>
public class ChatAnswerTests
{
    private const string TelegramSecret = "telegram-secret";
    private static readonly Payloads.TestAlert Disk = new("NodeDiskSpaceLow", "6f1c2a9e0b3d4c5a",
        Summary: "Filesystem /var on worker-4 has 3% space left", Labels: new Dictionary<string, string> { ["mountpoint"] = "/var" });

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Telegram_acknowledge_button_once_then_what_fixed_it_answered_by_a_button(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await TelegramStandIn.StartAsync();
        await using var server = await ReceiverHost.StartAsync(kind, ct,
            new Dictionary<string, string?> { ["Bots:Telegram:main:ApiBaseUrl"] = api.BaseUrl });
        using var client = server.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ReceiverHost.Post(Payloads.Firing(Disk)), ct)).StatusCode);
        await Eventually.HoldsAsync(() => api.Succeeded("sendMessage").Count == 1, "the suggestions are posted");
        var posted = api.Succeeded("sendMessage")[0].Body;
        var acknowledge = posted["reply_markup"]!["inline_keyboard"]![0]![0]!;
        Assert.Contains("收到", acknowledge["text"]!.GetValue<string>());
        var incident = Assert.Single(await ReceiverHost.AlertmanagerIncidentsAsync(server, ct));
        Assert.Equal($"ia:{incident.Id}", acknowledge["callback_data"]!.GetValue<string>());
        Assert.NotNull(incident.PostedAtUtc);

        // Pressed, delivered twice by Telegram, then pressed again: one acknowledgement, kept.
        Assert.Equal(HttpStatusCode.OK, await PressAsync(client, 700, 4242, $"ia:{incident.Id}"));
        Assert.Equal(HttpStatusCode.OK, await PressAsync(client, 700, 4242, $"ia:{incident.Id}"));
        await Eventually.HoldsAsync(() => api.Succeeded("answerCallbackQuery").Count == 1, "the press is answered");
        Assert.Contains("已确认收到", api.Succeeded("answerCallbackQuery")[0].Body["text"]!.GetValue<string>());
        await Eventually.HoldsAsync(() => api.Succeeded("sendMessage").Count == 2, "the chat sees who acknowledged");
        Assert.Contains("Acknowledged: NodeDiskSpaceLow", api.Succeeded("sendMessage")[1].Body["text"]!.GetValue<string>());
        var acknowledged = await ReceiverHost.IncidentAsync(server, incident.Id, ct);
        Assert.NotNull(acknowledged.AcknowledgedAtUtc);
        Assert.Equal("telegram:4242 Client", acknowledged.AcknowledgedBy);
        Assert.Equal(HttpStatusCode.OK, await PressAsync(client, 701, 4242, $"ia:{incident.Id}"));
        await Eventually.HoldsAsync(() => api.Succeeded("answerCallbackQuery").Count == 2, "the second press is answered");
        Assert.Contains("已确认过", api.Succeeded("answerCallbackQuery")[1].Body["text"]!.GetValue<string>());
        Assert.Equal(acknowledged.AcknowledgedAtUtc, (await ReceiverHost.IncidentAsync(server, incident.Id, ct)).AcknowledgedAtUtc);

        // A press from another chat (not this deal's) acknowledges nothing there.
        Assert.Equal(HttpStatusCode.OK, await PressAsync(client, 702, 777, $"ia:{incident.Id}"));
        await Eventually.HoldsAsync(() => api.Succeeded("answerCallbackQuery").Count == 3, "the stranger's press is answered");
        Assert.Contains("不属于", api.Succeeded("answerCallbackQuery")[2].Body["text"]!.GetValue<string>());

        // Resolved: the chat is asked which suggestion fixed it, with one button per suggestion.
        var resolved = Disk with { Status = "resolved", EndsAt = "2026-11-30T08:11:00Z" };
        Assert.Equal(HttpStatusCode.OK, await AlertAsync(client, Payloads.Group("resolved", 0, resolved)));
        await Eventually.HoldsAsync(() => api.Succeeded("sendMessage").Count == 3, "the chat is asked what fixed it");
        var question = api.Succeeded("sendMessage")[2].Body;
        Assert.Contains("Which suggestion fixed it?", question["text"]!.GetValue<string>());
        var buttons = question["reply_markup"]!["inline_keyboard"]!.AsArray();
        Assert.InRange(buttons.Count, 1, 3);
        Assert.Equal($"if:{incident.Id}:1", buttons[0]![0]!["callback_data"]!.GetValue<string>());
        Assert.Contains("NodeFilesystemAlmostFull", buttons[0]![0]!["text"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, await PressAsync(client, 703, 4242, $"if:{incident.Id}:1"));
        await Eventually.HoldsAsync(async () => (await ReceiverHost.IncidentAsync(server, incident.Id, ct)).FixedBy is not null,
            "the fix is recorded");
        var done = await ReceiverHost.IncidentAsync(server, incident.Id, ct);
        Assert.Equal("NodeFilesystemAlmostFull", done.FixedBy);
        Assert.NotNull(done.FixRecordedAtUtc);
        await Eventually.HoldsAsync(() => api.Succeeded("sendMessage").Count == 4, "the fix is confirmed in the chat");
        Assert.Contains("Recorded: NodeFilesystemAlmostFull fixed NodeDiskSpaceLow",
            api.Succeeded("sendMessage")[3].Body["text"]!.GetValue<string>());

        // The dashboard measures MTTR from the acknowledgement too, and shows the timeline.
        using var owner = server.CreateClient();
        var page = WebUtility.HtmlDecode(await owner.GetStringAsync($"/incidents/{incident.Id}", ct));
        Assert.Contains("telegram:4242 Client", page);
        Assert.Contains("NodeFilesystemAlmostFull", page);
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Telegram_reply_shou_dao_acknowledges_and_a_reply_with_the_number_records_the_fix(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await TelegramStandIn.StartAsync();
        await using var server = await ReceiverHost.StartAsync(kind, ct,
            new Dictionary<string, string?> { ["Bots:Telegram:main:ApiBaseUrl"] = api.BaseUrl });
        using var client = server.CreateAnonymousClient();

        // "收到" before any alert is not an acknowledgement: a person reads it (human queue), nothing is answered.
        Assert.Equal(HttpStatusCode.OK, (await PostTelegramAsync(client, TelegramUpdates.Message(800, 4242, "收到"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ReceiverHost.Post(Payloads.Firing(Disk)), ct)).StatusCode);
        await Eventually.HoldsAsync(() => api.Succeeded("sendMessage").Count == 1, "the suggestions are posted");
        var incident = Assert.Single(await ReceiverHost.AlertmanagerIncidentsAsync(server, ct));
        Assert.Null(incident.AcknowledgedAtUtc);

        Assert.Equal(HttpStatusCode.OK, (await PostTelegramAsync(client, TelegramUpdates.Message(801, 4242, "收到！"))).StatusCode);
        await Eventually.HoldsAsync(() => api.Succeeded("sendMessage").Count == 2, "the acknowledgement is answered");
        Assert.Contains("Acknowledged: NodeDiskSpaceLow", api.Succeeded("sendMessage")[1].Body["text"]!.GetValue<string>());
        Assert.NotNull((await ReceiverHost.IncidentAsync(server, incident.Id, ct)).AcknowledgedAtUtc);

        var resolved = Disk with { Status = "resolved", EndsAt = "2026-11-30T08:11:00Z" };
        Assert.Equal(HttpStatusCode.OK, await AlertAsync(client, Payloads.Group("resolved", 0, resolved)));
        await Eventually.HoldsAsync(() => api.Succeeded("sendMessage").Count == 3, "the chat is asked what fixed it");
        Assert.Equal(HttpStatusCode.OK, (await PostTelegramAsync(client, TelegramUpdates.Message(802, 4242, "1"))).StatusCode);
        await Eventually.HoldsAsync(async () => (await ReceiverHost.IncidentAsync(server, incident.Id, ct)).FixedBy is not null,
            "the fix is recorded");
        Assert.Equal("NodeFilesystemAlmostFull", (await ReceiverHost.IncidentAsync(server, incident.Id, ct)).FixedBy);
    }

    [Fact]
    public async Task WeCom_has_no_buttons_the_message_says_how_to_answer_and_shou_dao_acknowledges()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await WeComStandIn.StartAsync();
        await using var server = await ReceiverHost.StartAsync(TestDatabaseKind.Sqlite, ct, new Dictionary<string, string?>
        {
            ["Bots:WeCom:corp:Token"] = WeComToken, ["Bots:WeCom:corp:EncodingAESKey"] = WeComAesKey,
            ["Bots:WeCom:corp:ReceiveId"] = WeComCorpId, ["Bots:WeCom:corp:ApiBaseUrl"] = api.BaseUrl,
            ["Bots:WeCom:corp:Secret"] = "corp-secret-for-tests", ["Bots:WeCom:corp:AgentId"] = "1000002",
        }, chat: ("wecom", "corp", "zhangsan"));
        using var client = server.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ReceiverHost.Post(Payloads.Firing(Disk)), ct)).StatusCode);
        await Eventually.HoldsAsync(() => !api.Messages.IsEmpty, "the suggestions are posted");
        var posted = api.Messages.First().Body["text"]!["content"]!.GetValue<string>();
        Assert.Contains("回复「收到」确认", posted);
        Assert.DoesNotContain("confirm N", posted);

        Assert.Equal(HttpStatusCode.OK, (await PostWeComAsync(client, "zhangsan", "收到", 9001)).StatusCode);
        await Eventually.HoldsAsync(() => api.Messages.Count == 2, "the acknowledgement is answered");
        var incident = Assert.Single(await ReceiverHost.AlertmanagerIncidentsAsync(server, ct));
        Assert.Equal("wecom:zhangsan zhangsan", incident.AcknowledgedBy);
    }

    private static async Task<HttpStatusCode> PressAsync(HttpClient client, long update, long chat, string data) =>
        (await PostTelegramAsync(client, TelegramUpdates.Press(update, chat, data))).StatusCode;

    private static async Task<HttpStatusCode> AlertAsync(HttpClient client, string json) =>
        (await client.SendAsync(ReceiverHost.Post(json))).StatusCode;

    private static async Task<HttpResponseMessage> PostTelegramAsync(HttpClient client, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/bots/telegram/main")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", TelegramSecret);
        return await client.SendAsync(request);
    }

    // WeCom's published sample configuration (as in the bot tests).
    private const string WeComToken = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    private const string WeComAesKey = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    private const string WeComCorpId = "ww1436e0e65a779aee";

    private static async Task<HttpResponseMessage> PostWeComAsync(HttpClient client, string from, string text, long msgId)
    {
        var crypto = new WeComCrypto(WeComToken, WeComAesKey, WeComCorpId);
        var plaintext = new XElement("xml", new XElement("ToUserName", new XCData(WeComCorpId)),
            new XElement("FromUserName", new XCData(from)),
            new XElement("CreateTime", 1764057600), new XElement("MsgType", new XCData("text")), new XElement("Content", new XCData(text)),
            new XElement("MsgId", msgId), new XElement("AgentID", 1000002)).ToString(SaveOptions.DisableFormatting);
        var encrypted = crypto.Encrypt(plaintext, RandomNumberGenerator.GetBytes(16));
#pragma warning disable RS0030 // the server under test checks WeCom timestamps against the system clock
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
#pragma warning restore RS0030
        var envelope = $"<xml><ToUserName><![CDATA[{WeComCorpId}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt>" +
            "<AgentID><![CDATA[1000002]]></AgentID></xml>";
        return await client.PostAsync(
            $"/bots/wecom/corp?msg_signature={crypto.Signature(timestamp, "nonce1", encrypted)}&timestamp={timestamp}&nonce=nonce1",
            new StringContent(envelope, System.Text.Encoding.UTF8, "application/xml"));
    }
}
