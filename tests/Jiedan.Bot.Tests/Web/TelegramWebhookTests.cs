using System.Net;
using Jiedan.Common.Storage;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Bot.Tests.Web;

public class TelegramWebhookTests
{
    [Fact]
    public async Task Without_the_right_secret_token_nothing_is_stored()
    {
        await using var api = await TelegramStandIn.StartAsync();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await BotTestHost.StartAsync(db.Target, BotTestHost.TelegramSettings(api.BaseUrl));
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await host.PostTelegramAsync(TelegramUpdates.Message(1, 42, "hi"), secret: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await host.PostTelegramAsync(TelegramUpdates.Message(1, 42, "hi"), secret: "test-secret-token-0123456788")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await host.PostTelegramAsync(TelegramUpdates.Message(1, 42, "hi"), bot: "other")).StatusCode);
        var bad = await host.PostTelegramAsync("""{"message": {}}""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("update_id", await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await host.WithDbAsync(d => d.InboundUpdates.CountAsync()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Full_flow_from_webhook_to_confirmation_through_the_real_client(DatabaseProvider provider)
    {
        await using var api = await TelegramStandIn.StartAsync();
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await BotTestHost.StartAsync(db.Target, BotTestHost.TelegramSettings(api.BaseUrl));

        Assert.Equal(HttpStatusCode.OK,
            (await host.PostTelegramAsync(TelegramUpdates.Message(500, 42, TelegramUpdates.Requirement))).StatusCode);
        await Eventually.HoldsAsync(() => api.Succeeded("sendMessage").Count == 1, "the confirmation is sent");
        var sent = api.Succeeded("sendMessage")[0];
        Assert.Equal(BotTestHost.TelegramToken, sent.Token);
        Assert.Equal(42, sent.Body["chat_id"]!.GetValue<long>());
        Assert.Contains("1. 登录接口", sent.Body["text"]!.GetValue<string>());
        var keyboard = sent.Body["reply_markup"]!["inline_keyboard"]!.AsArray();
        Assert.Equal(3, keyboard.Count);
        var confirmAll = keyboard[2]![0]!["callback_data"]!.GetValue<string>();
        Assert.Equal("cf:1:1:c:0", confirmAll);

        // The same update delivered again, then the client's press (also delivered twice).
        Assert.Equal(HttpStatusCode.OK,
            (await host.PostTelegramAsync(TelegramUpdates.Message(500, 42, TelegramUpdates.Requirement))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostTelegramAsync(TelegramUpdates.Press(501, 42, confirmAll, 1001))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostTelegramAsync(TelegramUpdates.Press(501, 42, confirmAll, 1001))).StatusCode);
        await Eventually.HoldsAsync(() => api.Succeeded("editMessageText").Count == 1, "the message is edited");
        await Eventually.HoldsAsync(() => api.Succeeded("answerCallbackQuery").Count == 1, "the press is answered");
        var edit = api.Succeeded("editMessageText")[0].Body;
        Assert.Equal(1001, edit["message_id"]!.GetValue<int>());
        Assert.Contains("已确认 Confirmed", edit["text"]!.GetValue<string>());
        Assert.Equal("cb501", api.Succeeded("answerCallbackQuery")[0].Body["callback_query_id"]!.GetValue<string>());

        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Single(api.Succeeded("sendMessage"));
        Assert.Single(api.Succeeded("editMessageText"));
        var state = await host.WithDbAsync(d => d.Confirmations.Select(c => c.State).SingleAsync());
        Assert.Equal("Confirmed", state);
        Assert.Equal(2, await host.WithDbAsync(d => d.InboundUpdates.CountAsync()));
    }

    [Fact]
    public async Task A_429_is_retried_after_retry_after_and_a_500_with_backoff_each_reply_delivered_once()
    {
        await using var api = await TelegramStandIn.StartAsync();
        api.TooManyRequestsOnce("sendMessage", retryAfterSeconds: 2);
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await BotTestHost.StartAsync(db.Target, BotTestHost.TelegramSettings(api.BaseUrl));

        Assert.Equal(HttpStatusCode.OK,
            (await host.PostTelegramAsync(TelegramUpdates.Message(1, 42, TelegramUpdates.Requirement))).StatusCode);
        await Eventually.HoldsAsync(() => api.Succeeded("sendMessage").Count == 1, "delivery after the 429");
        var calls = api.Calls.Where(c => c.Method == "sendMessage").ToList();
        Assert.Equal([429, 200], calls.Select(c => c.Status));
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(1.9),
            $"retried after {(calls[1].At - calls[0].At).TotalSeconds:0.00} s, retry_after was 2 s");

        api.ServerErrorOnce("sendMessage");
        Assert.Equal(HttpStatusCode.OK,
            (await host.PostTelegramAsync(TelegramUpdates.Message(2, 43, TelegramUpdates.Requirement))).StatusCode);
        await Eventually.HoldsAsync(() => api.Succeeded("sendMessage").Count == 2, "delivery after the 500");
        Assert.Equal([429, 200, 500, 200], api.Calls.Where(c => c.Method == "sendMessage").Select(c => c.Status));
        var rows = await host.WithDbAsync(d => d.Outbox.OrderBy(o => o.Id).ToListAsync());
        Assert.Equal([2, 2], rows.Select(r => r.Attempts));
        Assert.All(rows, r => Assert.NotNull(r.SentAtUtc));
    }
}
