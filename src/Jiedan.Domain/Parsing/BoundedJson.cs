using System.Text.Json;

namespace Jiedan.Domain.Parsing;

/// <summary>
/// The options every JSON evidence parser uses (an explicit depth cap rather than a library default), and a description
/// of a <see cref="JsonException"/> that keeps its position but drops its text: System.Text.Json's messages quote
/// characters of the input and property paths from it.
/// </summary>
public static class BoundedJson
{
    public const int MaxDepth = 64;

    public static JsonReaderOptions ReaderOptions { get; } = new() { MaxDepth = MaxDepth };
    public static JsonDocumentOptions DocumentOptions { get; } = new() { MaxDepth = MaxDepth };
    public static JsonSerializerOptions SerializerOptions { get; } = new() { MaxDepth = MaxDepth };

    /// <summary>1-based line of the error, when the exception knows it.</summary>
    public static long? Line(JsonException e) => e.LineNumber + 1;

    /// <summary>"malformed JSON or a value of the wrong type (line 3, byte 17)" — no text of the document.</summary>
    public static string Describe(JsonException e) =>
        e.Message.Contains("maximum configured depth", StringComparison.Ordinal)
            ? $"nested deeper than {MaxDepth} levels"
            : "malformed JSON or a value of the wrong type" + (e.BytePositionInLine is { } b ? $" at byte {b + 1} of the line" : "");
}
