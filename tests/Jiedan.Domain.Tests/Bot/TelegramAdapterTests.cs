using System.Text;
using System.Text.Json;
using Jiedan.Domain.Bot;
using Jiedan.Domain.Bot.Telegram;

namespace Jiedan.Domain.Tests.Bot;

public class TelegramAdapterTests
{
    private readonly TelegramAdapter _adapter = new();

    // Shapes as the Bot API documents Update, Message and CallbackQuery (https://core.telegram.org/bots/api#update).
    private const string MessageUpdate = """
        {"update_id": 10000,
         "message": {"message_id": 1365, "date": 1441645532,
                     "chat": {"id": 1111111, "type": "private", "first_name": "Test", "last_name": "Lastname", "username": "Test"},
                     "from": {"id": 1111111, "is_bot": false, "first_name": "Test", "last_name": "Lastname", "username": "Test"},
                     "text": "/start"}}
        """;

    private const string CallbackUpdate = """
        {"update_id": 10001,
         "callback_query": {"id": "4382bfdwdsb323b2d9", "chat_instance": "42",
                            "from": {"id": 1111111, "is_bot": false, "first_name": "Test", "username": "Test"},
                            "message": {"message_id": 1366, "date": 1441645532, "chat": {"id": 1111111, "type": "private"}, "text": "x"},
                            "data": "cf:7:2:c:1"}}
        """;

    [Fact]
    public void Reads_a_text_message()
    {
        var m = _adapter.Parse(MessageUpdate);
        Assert.Equal(("telegram", "10000", InboundKind.Text, "1111111", "/start"), (m.Platform, m.UpdateKey, m.Kind, m.ChatId, m.Text));
        Assert.Equal(new ChatUser("1111111", "Test Lastname"), m.From);
        Assert.Equal(new DateTime(2015, 9, 7, 17, 5, 32, DateTimeKind.Utc), m.SentAtUtc);
        Assert.Equal("telegram:1111111", m.ConversationKey);
    }

    [Fact]
    public void Reads_a_callback_query()
    {
        var m = _adapter.Parse(CallbackUpdate);
        Assert.Equal((InboundKind.ButtonPress, "4382bfdwdsb323b2d9", "cf:7:2:c:1", "1366", "1111111"),
            (m.Kind, m.ButtonId, m.ButtonData, m.SourceMessageId, m.ChatId));
        Assert.Equal(new ConfirmationButton(7, 2, ButtonAction.Confirm, 1), ConfirmationCore.Target(m));
    }

    [Fact]
    public void Other_updates_are_kept_but_not_acted_on()
    {
        Assert.Equal(InboundKind.Other, _adapter.Parse("""{"update_id": 5, "edited_message": {"message_id": 1}}""").Kind);
        Assert.Equal(InboundKind.Other,
            _adapter.Parse("""
                {"update_id": 6, "message": {"message_id": 1, "date": 1, "chat": {"id": 1, "type": "private"}, "photo": []}}
                """).Kind);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"message\": {}}")]
    [InlineData("{\"update_id\": \"x\"}")]
    [InlineData("not json")]
    [InlineData("{\"update_id\": 2, \"message\": 5}")]
    public void Bad_updates_name_the_problem(string body)
    {
        var e = Assert.Throws<BotFormatException>(() => _adapter.Parse(body));
        Assert.Contains("update", e.Message);
    }

    [Fact]
    public void The_fast_id_reader_agrees_with_the_full_parser()
    {
        Assert.Equal(10000, TelegramUpdateId.Read(Encoding.UTF8.GetBytes(MessageUpdate)));
        Assert.Equal(10001, TelegramUpdateId.Read(Encoding.UTF8.GetBytes(CallbackUpdate)));
        Assert.Equal(7, TelegramUpdateId.Read("""{"message": {"update_id": 3, "x": [1, {"a": 2}]}, "update_id": 7}"""u8));
        Assert.Null(TelegramUpdateId.Read("""{"message": {"update_id": 3}}"""u8));
        Assert.Null(TelegramUpdateId.Read("""{"update_id": "7"}"""u8));
        Assert.Null(TelegramUpdateId.Read("{\"update_id\": 7"u8[..5]));
    }

    [Fact]
    public void Builds_send_message_with_an_inline_keyboard()
    {
        var payload = _adapter.Build(new SendText("1111111", "需求确认", [[new ReplyButton("✅ 1", "cf:1:1:c:1")]]))!;
        Assert.Equal("sendMessage", payload.Method);
        using var doc = JsonDocument.Parse(payload.Json);
        var root = doc.RootElement;
        Assert.Equal(1111111, root.GetProperty("chat_id").GetInt64());
        Assert.Equal("需求确认", root.GetProperty("text").GetString());
        var button = root.GetProperty("reply_markup").GetProperty("inline_keyboard")[0][0];
        Assert.Equal(("✅ 1", "cf:1:1:c:1"), (button.GetProperty("text").GetString(), button.GetProperty("callback_data").GetString()));
    }

    [Fact]
    public void Builds_answer_and_edit_calls()
    {
        var answer = _adapter.Build(new AnswerButton("1", "abc", "ok"))!;
        Assert.Equal(("answerCallbackQuery", "abc"),
            (answer.Method, JsonDocument.Parse(answer.Json).RootElement.GetProperty("callback_query_id").GetString()));
        var edit = _adapter.Build(new EditText("-100123", "1366", "t", []))!;
        var root = JsonDocument.Parse(edit.Json).RootElement;
        Assert.Equal(("editMessageText", -100123L, 1366),
            (edit.Method, root.GetProperty("chat_id").GetInt64(), root.GetProperty("message_id").GetInt32()));
    }

    [Fact]
    public void A_payload_without_buttons_has_no_reply_markup_at_all()
    {
        // The payload goes on the wire as written (no library re-serialises it), so an absent field must be absent, not null.
        var send = JsonDocument.Parse(_adapter.Build(SendText.Plain("1", "hi"))!.Json).RootElement;
        var edit = JsonDocument.Parse(_adapter.Build(new EditText("1", "2", "t", []))!.Json).RootElement;
        Assert.False(send.TryGetProperty("reply_markup", out _));
        Assert.False(edit.TryGetProperty("reply_markup", out _));
    }

    [Fact]
    public void Secret_token_compare()
    {
        Assert.True(SecretToken.Matches("s3cret-token", "s3cret-token"));
        Assert.False(SecretToken.Matches("s3cret-tokem", "s3cret-token"));
        Assert.False(SecretToken.Matches(null, "s3cret-token"));
        Assert.False(SecretToken.Matches("", ""));
    }
}
