using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jiedan.Common.Storage;
using Jiedan.Domain.Bot.Telegram;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;
using static Jiedan.Bot.Tests.Web.WeComWebhookTests;

namespace Jiedan.Bot.Tests.Web;

/// <summary>Each hostile request the security review sent, over real HTTP; none may cost much or store anything.</summary>
public class WebhookAttackTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

#pragma warning disable RS0030 // the server under test checks timestamps against the system clock
    private static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
#pragma warning restore RS0030

    private static Task<HttpResponseMessage> PostWeComAsync(BotTestHost host, string body, string signature, string timestamp) =>
        host.Client.PostAsync($"/bots/wecom/corp?msg_signature={signature}&timestamp={timestamp}&nonce=n1",
            new StringContent(body, Encoding.UTF8, "application/xml"), Ct);

    private static Task<HttpResponseMessage> PostSignedAsync(BotTestHost host, string plaintext, string? timestamp = null)
    {
        var encrypted = Crypto.Encrypt(plaintext, RandomNumberGenerator.GetBytes(16));
        timestamp ??= Now();
        return PostWeComAsync(host, Envelope(encrypted), Crypto.Signature(timestamp, "n1", encrypted), timestamp);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
    }

    [Fact]
    public async Task WeCom_OneMegabyteOfNestedXmlWithAWrongSignature_Answers401Fast()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await BotTestHost.StartAsync(db.Target, Settings("http://127.0.0.1:9"));
        var body = new StringBuilder("<xml>").Insert(5, "<a>", 330_000).Append("<Encrypt>QUJD</Encrypt>").ToString();
        Assert.InRange(body.Length, 990_000, 1 << 20);

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var response = await PostWeComAsync(host, body, new string('0', 40), Now());
        clock.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        TestContext.Current.TestOutputHelper?.WriteLine($"1 MB nested XML, wrong signature: {clock.Elapsed.TotalMilliseconds:0} ms, CPU " +
            $"{cpuUsed.TotalMilliseconds:0} ms");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // Parsing this before the signature took about two minutes of CPU; a linear scan takes milliseconds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"answered after {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.True(cpuUsed < TimeSpan.FromSeconds(2), $"used {cpuUsed.TotalSeconds:0.00} s of CPU");
        Assert.Equal(0, await host.WithDbAsync(d => d.InboundUpdates.CountAsync(Ct)));
    }

    [Fact]
    public async Task WeCom_DeeplyNestedMessageWithAValidSignature_Answers400NamingThePosition()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await BotTestHost.StartAsync(db.Target, Settings("http://127.0.0.1:9"));
        var plaintext = new StringBuilder("<xml>").Insert(5, "<secretname>", 60_000).ToString();

        var clock = Stopwatch.StartNew();
        var problem = await ProblemAsync(await PostSignedAsync(host, plaintext));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered after {clock.Elapsed.TotalSeconds:0.00} s");
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("line 1, column", detail);
        Assert.Contains("elements nested deeper than", detail);
        Assert.DoesNotContain("secretname", detail);
        Assert.Equal(0, await host.WithDbAsync(d => d.InboundUpdates.CountAsync(Ct)));
    }

    [Fact]
    public async Task WeCom_BillionLaughsWithAValidSignature_Answers400WithoutExpanding()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await BotTestHost.StartAsync(db.Target, Settings("http://127.0.0.1:9"));
        var entities = string.Concat(Enumerable.Range(1, 9).Select(i =>
            $"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">"));
        var plaintext = $"<!DOCTYPE xml [<!ENTITY l0 \"lol\">{entities}]><xml><FromUserName>u</FromUserName><Content>&l9;</Content></xml>";

        var clock = Stopwatch.StartNew();
        var problem = await ProblemAsync(await PostSignedAsync(host, plaintext));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered after {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.Contains("a DTD is not allowed", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await host.WithDbAsync(d => d.InboundUpdates.CountAsync(Ct)));
    }

    [Fact]
    public async Task WeCom_ReplayedMessageOutsideTheWindow_Answers401AndStoresNothing()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await BotTestHost.StartAsync(db.Target, Settings("http://127.0.0.1:9"));
        var message = TextMessage("u1", "hi", 42);
#pragma warning disable RS0030 // the server under test checks timestamps against the system clock
        var old = DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
#pragma warning restore RS0030
#pragma warning disable RS0030 // the server under test checks timestamps against the system clock
        var future = DateTimeOffset.UtcNow.AddMinutes(6).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
#pragma warning restore RS0030

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostSignedAsync(host, message, old)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostSignedAsync(host, message, future)).StatusCode);
        Assert.Equal(0, await host.WithDbAsync(d => d.InboundUpdates.CountAsync(Ct)));
        // The same message signed now is taken: the window, not the message, was the reason.
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(host, message)).StatusCode);
        Assert.Equal(1, await host.WithDbAsync(d => d.InboundUpdates.CountAsync(Ct)));
    }

    [Fact]
    public async Task WeCom_ReplayedUrlVerification_Answers401_AndTheWindowIsConfigurable()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = Settings("http://127.0.0.1:9");
        settings["Bots:WeCom:corp:MaxMessageAge"] = "00:20:00";
        await using var host = await BotTestHost.StartAsync(db.Target, settings);
        var echo = Crypto.Encrypt("12345", RandomNumberGenerator.GetBytes(16));
        async Task<HttpStatusCode> VerifyAsync(int minutesAgo)
        {
#pragma warning disable RS0030 // the server under test checks timestamps against the system clock
            var timestamp = DateTimeOffset.UtcNow.AddMinutes(-minutesAgo).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
#pragma warning restore RS0030
            var signature = Crypto.Signature(timestamp, "n1", echo);
            var url = $"/bots/wecom/corp?msg_signature={signature}&timestamp={timestamp}&nonce=n1&echostr={Uri.EscapeDataString(echo)}";
            return (await host.Client.GetAsync(url, Ct)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await VerifyAsync(15));
        Assert.Equal(HttpStatusCode.Unauthorized, await VerifyAsync(25));
    }

    [Fact]
    public async Task Telegram_DeeplyNestedUpdateWithTheRightSecret_Answers400()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await BotTestHost.StartAsync(db.Target, BotTestHost.TelegramSettings("http://127.0.0.1:9"));
        var json = "{\"update_id\": 1, \"message\": " + new StringBuilder().Insert(0, "[", 400_000)
            + new StringBuilder().Insert(0, "]", 400_000) + "}";

        var clock = Stopwatch.StartNew();
        var problem = await ProblemAsync(await host.PostTelegramAsync(json));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered after {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.Contains($"nested deeper than {TelegramUpdateId.MaxDepth} levels", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await host.WithDbAsync(d => d.InboundUpdates.CountAsync(Ct)));
    }

    [Fact]
    public async Task Telegram_UpdateOfAnUnexpectedShape_IsRefusedAtTheDoor_NotStoredForTheProcessor()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await BotTestHost.StartAsync(db.Target, BotTestHost.TelegramSettings("http://127.0.0.1:9"));

        var response = await host.PostTelegramAsync("{\"update_id\": 2, \"message\": 5}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("update 2: unexpected shape", (await ProblemAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(0, await host.WithDbAsync(d => d.InboundUpdates.CountAsync(Ct)));
        Assert.Equal(HttpStatusCode.OK, (await host.PostTelegramAsync(TelegramUpdates.Message(3, 42, "hi"))).StatusCode);
        Assert.Equal(["Text"], await host.WithDbAsync(d => d.InboundUpdates.Select(u => u.Kind).ToListAsync(Ct)));
    }
}
