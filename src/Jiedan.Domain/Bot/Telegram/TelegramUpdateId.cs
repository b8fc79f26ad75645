using System.Text.Json;

namespace Jiedan.Domain.Bot.Telegram;

/// <summary>
/// Reads the top-level <c>update_id</c> of an update without building a document: the webhook needs the idempotency
/// key to store an update before it can answer 200. The whole body is scanned once, so an update that is not JSON or
/// nests deeper than <see cref="MaxDepth"/> is refused at the door instead of failing later in the inbox.
/// </summary>
public static class TelegramUpdateId
{
    /// <summary>Real updates nest about six levels (update, message, reply, entities); this leaves room and no more.</summary>
    public const int MaxDepth = 20;

    /// <summary>The update id, or null when the body is not a well-formed update with an integer <c>update_id</c>.</summary>
    public static long? Read(ReadOnlySpan<byte> json) => Inspect(json).Id;

    /// <summary>The update id, or the field and what is wrong with it (the problem never quotes the body).</summary>
    public static (long? Id, string? Field, string? Problem) Inspect(ReadOnlySpan<byte> json)
    {
        long? id = null;
        var seen = 0;
        // One more level than allowed, so that this loop, not the reader, reports the excess with its position.
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return (null, "update", "not a JSON object");
            while (reader.Read())
            {
                if (reader.TokenType is (JsonTokenType.StartObject or JsonTokenType.StartArray) && reader.CurrentDepth >= MaxDepth)
                    return (null, "update", $"nested deeper than {MaxDepth} levels (byte {reader.TokenStartIndex + 1})");
                if (reader.CurrentDepth != 1 || reader.TokenType != JsonTokenType.PropertyName
                    || !reader.ValueTextEquals("update_id"u8)) continue;
                seen++;
                reader.Read();
                id = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var v) ? v : null;
                if (id is null) return (null, "update_id", "not an integer");
            }
        }
        catch (JsonException e)
        {
            return (null, "update", $"not well-formed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
        return seen switch
        {
            0 => (null, "update_id", "missing or not an integer"),
            > 1 => (null, "update_id", "given more than once"),
            _ => (id, null, null),
        };
    }
}
