using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using Jiedan.Common.Storage;
using Jiedan.Domain.Bot.WeCom;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Jiedan.Bot.Tests.Web;

public class WeComWebhookTests
{
    // WeCom's published sample configuration (weworkapi_python Sample.py); the URL check below uses its sample request.
    internal const string Token = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    internal const string AesKey = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    internal const string CorpId = "ww1436e0e65a779aee";
    internal static readonly WeComCrypto Crypto = new(Token, AesKey, CorpId);

    internal static Dictionary<string, string?> Settings(string apiBaseUrl) => new()
    {
        ["Bots:WeCom:corp:Token"] = Token,
        ["Bots:WeCom:corp:EncodingAESKey"] = AesKey,
        ["Bots:WeCom:corp:ReceiveId"] = CorpId,
        ["Bots:WeCom:corp:ApiBaseUrl"] = apiBaseUrl,
        ["Bots:WeCom:corp:Secret"] = "corp-secret-for-tests",
        ["Bots:WeCom:corp:AgentId"] = "1000002",
    };

    internal static string Envelope(string encrypted) =>
        $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt><AgentID><![CDATA[1000002]]><" +
            $"/AgentID></xml>";

    internal static string TextMessage(string from, string text, long msgId) =>
        new XElement("xml", new XElement("ToUserName", new XCData(CorpId)), new XElement("FromUserName", new XCData(from)),
            new XElement("CreateTime", 1764057600), new XElement("MsgType", new XCData("text")), new XElement("Content", new XCData(text)),
            new XElement("MsgId", msgId), new XElement("AgentID", 1000002)).ToString(SaveOptions.DisableFormatting);

    private static async Task<HttpResponseMessage> PostAsync(BotTestHost host, string plaintext, WeComCrypto? signer = null,
        WeComCrypto? encrypter = null)
    {
        var encrypted = (encrypter ?? Crypto).Encrypt(plaintext, RandomNumberGenerator.GetBytes(16));
#pragma warning disable RS0030 // the server under test checks WeCom timestamps against the system clock
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
#pragma warning restore RS0030
        var signature = (signer ?? Crypto).Signature(timestamp, "nonce1", encrypted);
        return await host.Client.PostAsync($"/bots/wecom/corp?msg_signature={signature}&timestamp={timestamp}&nonce=nonce1",
            new StringContent(Envelope(encrypted), System.Text.Encoding.UTF8, "application/xml"));
    }

    [Fact]
    public async Task Url_verification_answers_the_published_sample_and_refuses_a_bad_signature()
    {
        await using var api = await WeComStandIn.StartAsync();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        // The sample was signed in 2016: the bot's clock is set to then, or the freshness window refuses it as a replay.
        await using var host = await BotTestHost.StartAsync(db.Target, Settings(api.BaseUrl),
            new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1476416373 + 60)));
        const string echo = "fsi1xnbH4yQh0%2BPJxcOdhhK6TDXkjMyhEPA7xB2TGz6b%2Bg7xyAbEkRxN%2F3cNXW9qdqjnoVzEtpbhnFyq6SVHyA%3D%3D";
        var ok = await host.Client.GetAsync($"/bots/wecom/corp?msg_signature=012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb" +
            $"&timestamp=1476416373&nonce=47744683&echostr={echo}",
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(Crypto.Decrypt(Uri.UnescapeDataString(echo)),
            await ok.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var bad = await host.Client.GetAsync($"/bots/wecom/corp?msg_signature=012bc692d0a58dd4b10f8dfe5c4ac00ae211ebec" +
            $"&timestamp=1476416373&nonce=47744683&echostr={echo}",
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Fact]
    public async Task An_encrypted_requirement_is_stored_once_and_answered_through_the_message_api()
    {
        await using var api = await WeComStandIn.StartAsync();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await BotTestHost.StartAsync(db.Target, Settings(api.BaseUrl));
        var message = TextMessage("ChenJiaShun", TelegramUpdates.Requirement, 1456453720);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host, message)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host, message)).StatusCode);
        await Eventually.HoldsAsync(() => !api.Messages.IsEmpty, "the confirmation goes out");

        var (token, body) = api.Messages.Single();
        Assert.Equal(WeComStandIn.AccessToken, token);
        Assert.Equal(("ChenJiaShun", "text", 1000002),
            (body["touser"]!.GetValue<string>(), body["msgtype"]!.GetValue<string>(), body["agentid"]!.GetValue<int>()));
        Assert.Contains("1. 登录接口", body["text"]!["content"]!.GetValue<string>());
        Assert.Equal((CorpId, "corp-secret-for-tests"), api.TokenRequests.Single());

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host, TextMessage("ChenJiaShun", "确认", 1456453721))).StatusCode);
        await Eventually.HoldsAsync(async () => await host.WithDbAsync(d => d.Confirmations.AnyAsync(c => c.State == "Confirmed")),
            "confirmed by text command");
        Assert.Equal(2, await host.WithDbAsync(d => d.InboundUpdates.CountAsync()));
    }

    [Fact]
    public async Task Bad_signature_or_another_receive_id_is_rejected_and_nothing_stored()
    {
        await using var api = await WeComStandIn.StartAsync();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await BotTestHost.StartAsync(db.Target, Settings(api.BaseUrl));
        var message = TextMessage("u1", "hi", 1);
        var otherToken = new WeComCrypto("another-token", AesKey, CorpId);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(host, message, signer: otherToken)).StatusCode);
        var otherCorp = new WeComCrypto(Token, AesKey, "ww0000000000000000");
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(host, message, encrypter: otherCorp)).StatusCode);
        var garbage = await host.Client.PostAsync("/bots/wecom/corp?msg_signature=x&timestamp=1&nonce=2", new StringContent("<xml"),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.Equal(0, await host.WithDbAsync(d => d.InboundUpdates.CountAsync()));
    }
}
