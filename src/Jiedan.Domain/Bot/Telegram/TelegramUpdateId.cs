using System.Text.Json;

namespace Jiedan.Domain.Bot.Telegram;

/// <summary>
/// Reads only the top-level <c>update_id</c> of an update, without building a document: the webhook needs the
/// idempotency key to store an update, and nothing else, before it can answer 200.
/// </summary>
public static class TelegramUpdateId
{
    public static long? Read(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject) return null;
                if (reader.TokenType != JsonTokenType.PropertyName) return null;
                var isId = reader.ValueTextEquals("update_id"u8);
                if (!reader.Read()) return null;
                if (isId) return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var id) ? id : null;
                reader.Skip();
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
