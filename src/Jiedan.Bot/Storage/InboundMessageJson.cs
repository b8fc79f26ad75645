using System.Text.Json;
using System.Text.Json.Serialization;
using Jiedan.Domain.Bot;

namespace Jiedan.Bot.Storage;

/// <summary>
/// How an <see cref="InboundMessage"/> is kept in the inbox: the webhook writes it once, the processor reads it back,
/// and neither looks at the platform's body again.
/// </summary>
public static class InboundMessageJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        MaxDepth = 4,
    };

    public static string Write(InboundMessage message) => JsonSerializer.Serialize(message, Options);

    /// <exception cref="JsonException">the stored text is not a message this code wrote.</exception>
    public static InboundMessage Read(string json) =>
        JsonSerializer.Deserialize<InboundMessage>(json, Options) ?? throw new JsonException("message: null");
}
