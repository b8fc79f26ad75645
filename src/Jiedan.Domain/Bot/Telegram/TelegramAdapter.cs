using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jiedan.Domain.Bot.Telegram;

/// <summary>
/// Reads Bot API <c>Update</c> objects (<c>message</c>, <c>callback_query</c>) and writes Bot API method payloads
/// (<c>sendMessage</c> with <c>inline_keyboard</c>, <c>answerCallbackQuery</c>, <c>editMessageText</c>). The one model
/// of Telegram's protocol: the webhook reads updates here and the sender puts these payloads on the wire unchanged.
/// </summary>
public sealed class TelegramAdapter : IBotAdapter
{
    public const string Name = "telegram";

    public string Platform => Name;

    public InboundMessage Parse(string body)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = TelegramUpdateId.MaxDepth }); }
        catch (JsonException e) { throw new BotFormatException($"update: not JSON or nested too deep" +
                $" (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})"); }
        using var owner = document;
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("update_id", out var id) || id.ValueKind != JsonValueKind.Number
            || !id.TryGetInt64(out var updateId))
            throw new BotFormatException("update_id: missing or not an integer");
        var key = updateId.ToString(CultureInfo.InvariantCulture);
        try { return Read(root, key); }
        catch (InvalidOperationException e) { throw new BotFormatException($"update {key}: unexpected shape ({e.Message})"); }
    }

    private static InboundMessage Read(JsonElement root, string key)
    {
        if (root.TryGetProperty("callback_query", out var query))
        {
            var message = query.TryGetProperty("message", out var m) ? m : default;
            return new InboundMessage(Name, key, InboundKind.ButtonPress,
                ChatIdOf(message, query), UserOf(query), DateOf(message),
                ButtonId: Required(query, "id", "callback_query.id"),
                ButtonData: query.TryGetProperty("data", out var data) ? data.GetString() : null,
                SourceMessageId: message.ValueKind == JsonValueKind.Object && message.TryGetProperty("message_id", out var mid)
                    ? mid.GetRawText() : null);
        }
        if (root.TryGetProperty("message", out var msg))
        {
            var text = msg.TryGetProperty("text", out var t) ? t.GetString() : null;
            return new InboundMessage(Name, key, text is null ? InboundKind.Other : InboundKind.Text,
                ChatIdOf(msg, msg), UserOf(msg), DateOf(msg), Text: text);
        }
        return new InboundMessage(Name, key, InboundKind.Other, "", new ChatUser("", ""), DateTime.UnixEpoch);
    }

    private static string ChatIdOf(JsonElement message, JsonElement fallbackUserHolder)
    {
        if (message.ValueKind == JsonValueKind.Object && message.TryGetProperty("chat", out var chat)
            && chat.TryGetProperty("id", out var id))
            return id.GetRawText();
        return fallbackUserHolder.TryGetProperty("from", out var from) && from.TryGetProperty("id", out var uid) ? uid.GetRawText() : "";
    }

    private static readonly string[] NameParts = ["first_name", "last_name"];

    private static ChatUser UserOf(JsonElement holder)
    {
        if (!holder.TryGetProperty("from", out var from) || !from.TryGetProperty("id", out var id)) return new ChatUser("", "");
        var name = string.Join(' ', NameParts
            .Select(p => from.TryGetProperty(p, out var v) ? v.GetString() : null).Where(s => !string.IsNullOrEmpty(s)));
        if (name.Length == 0 && from.TryGetProperty("username", out var u)) name = u.GetString() ?? "";
        return new ChatUser(id.GetRawText(), name);
    }

    private static DateTime DateOf(JsonElement message) =>
        message.ValueKind == JsonValueKind.Object && message.TryGetProperty("date", out var d) && d.TryGetInt64(out var seconds)
            ? UnixSeconds.ToUtc(seconds, "message.date")
            : DateTime.UnixEpoch;

    private static string Required(JsonElement holder, string property, string path) =>
        holder.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()! : throw new BotFormatException($"{path}: missing");

    public PlatformPayload? Build(OutboundReply reply) => reply switch
    {
        SendText s => new PlatformPayload("sendMessage", WithKeyboard(new JsonObject
        {
            ["chat_id"] = ChatId(s.ChatId), ["text"] = s.Text,
        }, s.Buttons)),
        AnswerButton a => new PlatformPayload("answerCallbackQuery", new JsonObject
        {
            ["callback_query_id"] = a.ButtonId, ["text"] = a.Notice,
        }.ToJsonString()),
        EditText e => new PlatformPayload("editMessageText", WithKeyboard(new JsonObject
        {
            ["chat_id"] = ChatId(e.ChatId), ["message_id"] = int.Parse(e.MessageId, CultureInfo.InvariantCulture), ["text"] = e.Text,
        }, e.Buttons)),
        _ => null,
    };

    private static JsonValue ChatId(string chatId) =>
        long.TryParse(chatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? JsonValue.Create(n) : JsonValue.Create(chatId);

    /// <summary>The payload as sent: <c>reply_markup</c> only when there are buttons (the Bot API omits absent fields).</summary>
    private static string WithKeyboard(JsonObject payload, IReadOnlyList<IReadOnlyList<ReplyButton>> rows)
    {
        if (rows.Count > 0) payload["reply_markup"] = new JsonObject { ["inline_keyboard"] = new JsonArray([.. rows.Select(Row)]) };
        return payload.ToJsonString();
    }

    private static JsonNode Row(IReadOnlyList<ReplyButton> row) =>
        new JsonArray([.. row.Select(b => (JsonNode)new JsonObject { ["text"] = b.Label, ["callback_data"] = b.Data })]);
}
