using System.Text.Json;
using Jiedan.Domain.Parsing;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using YamlDotNet.RepresentationModel;

namespace Jiedan.Domain.Gate.ApiDocs;

/// <summary>
/// Reads an OpenAPI 2.0 or 3.x document (JSON or YAML) with Microsoft.OpenApi and measures how completely each
/// operation is documented: a summary; every parameter (path-level ones included) described; responses documented
/// (see <see cref="ResponsesDocumented"/>).
/// </summary>
public static class OpenApiCompleteness
{
    public static async Task<ApiDocsReport> ParseAsync(Stream content, string name, CancellationToken ct = default)
    {
        using var reader = new StreamReader(content);
        var text = BoundedText(reader, name);
        var format = text.TrimStart().StartsWith('{') ? "json" : "yaml";
        CheckShape(text, format, name);
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        ReadResult result;
        try
        {
            using var memory = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
            result = await OpenApiDocument.LoadAsync(memory, format, settings, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var problem = $"not a readable OpenAPI document (malformed {format.ToUpperInvariant()})";
            throw new GateInputException(name, LineOfError(e.Message), problem, e);
        }
        var errors = result.Diagnostic?.Errors ?? [];
        if (errors.Count > 0 || result.Document is null)
        {
            // The validation rule's text is Microsoft.OpenApi's own; the pointer would quote keys of the document, so
            // the line stands in for it.
            var first = errors.FirstOrDefault();
            var problem = first is null ? "not an OpenAPI document" : first.Message;
            if (errors.Count > 1) problem += $" (and {errors.Count - 1} more error(s))";
            throw new GateInputException(name, first is null ? null : JsonPointerLocator.LineOf(text, first.Pointer), problem);
        }
        var document = result.Document;
        var version = result.Diagnostic?.SpecificationVersion.ToString() ?? "?";
        var swagger2 = result.Diagnostic?.SpecificationVersion == OpenApiSpecVersion.OpenApi2_0;
        var operations = new List<OperationDocs>();
        foreach (var (path, item) in document.Paths ?? [])
        {
            var shared = item.Parameters ?? [];
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var parameters = shared.Concat(operation.Parameters ?? []).ToList();
                operations.Add(new OperationDocs(
                    method.Method.ToUpperInvariant(),
                    path,
                    !string.IsNullOrWhiteSpace(operation.Summary),
                    parameters.All(p => !string.IsNullOrWhiteSpace(p.Description)),
                    ResponsesDocumented(operation, swagger2)));
            }
        }
        var basePath = document.Servers is { Count: > 0 } servers && Uri.TryCreate(new Uri("http://host/"), servers[0].Url, out var server)
            ? server.AbsolutePath.TrimEnd('/')
            : "";
        return new ApiDocsReport(version, operations, []) { BasePath = basePath };
    }

    /// <summary>
    /// At least one success (2xx) or default response; every response described; every declared body
    /// (a media type under <c>content</c>) with a schema. A 201 or 204 without a body is fine. Swagger 2.0 has no
    /// <c>content</c>: the reader spreads a response over the <c>produces</c> types, all without a schema when the
    /// response has no body, so there a body is declared only when some media type has a schema.
    /// </summary>
    private static bool ResponsesDocumented(OpenApiOperation operation, bool swagger2)
    {
        if (operation.Responses is not { Count: > 0 } responses) return false;
        if (!responses.Keys.Any(k => k.StartsWith('2') || k == "default")) return false;
        foreach (var response in responses.Values)
        {
            if (string.IsNullOrWhiteSpace(response.Description)) return false;
            if (response.Content is not { Count: > 0 } content) continue;
            if (!swagger2 && content.Values.Any(m => m.Schema is null)) return false;
        }
        return true;
    }

    /// <summary>An API description is hand-written or generated, never near this many characters.</summary>
    public const int MaxChars = 16 * 1024 * 1024;

    private static readonly YamlLimits Limits = new()
    {
        MaxChars = MaxChars, MaxDepth = BoundedJson.MaxDepth, MaxNodes = 2_000_000, MaxScalarChars = 1024 * 1024,
    };

    private static string BoundedText(TextReader reader, string name)
    {
        try { return BoundedYaml.ReadText(reader, Limits); }
        catch (PositionedParseException e) { throw new GateInputException(name, null, e.Problem); }
    }

    /// <summary>
    /// Checked before Microsoft.OpenApi reads the text: its YAML reader expands aliases (billion laughs) and neither
    /// reader caps nesting, so depth, aliases and size are refused here first.
    /// </summary>
    private static void CheckShape(string text, string format, string name)
    {
        try
        {
            if (format == "json") JsonDocument.Parse(text, BoundedJson.DocumentOptions).Dispose();
            else BoundedYaml.Load(text, Limits);
        }
        catch (JsonException e) { throw new GateInputException(name, BoundedJson.Line(e), BoundedJson.Describe(e)); }
        catch (PositionedParseException e) { throw new GateInputException(name, e.Line, $"column {e.Column}: {e.Problem}"); }
    }

    private static long? LineOfError(string message)
    {
        // YAML/JSON parser messages carry "Line: n" or "line n"; use it when present.
        var match = System.Text.RegularExpressions.Regex.Match(message, @"[Ll]ine:?\s*(\d+)");
        return match.Success ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}

/// <summary>Finds the line of a JSON pointer (<c>#/paths/~1pets/get</c>) in a YAML or JSON text, for error messages.</summary>
public static class JsonPointerLocator
{
#pragma warning disable CA1720 // "pointer" is RFC 6901's name for the thing (a JSON Pointer), not a type name
    public static long? LineOf(string text, string? pointer)
#pragma warning restore CA1720
    {
        if (string.IsNullOrEmpty(pointer)) return null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0) return null;
            YamlNode node = stream.Documents[0].RootNode;
            foreach (var raw in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                var segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal)
                    .Replace("~0", "~", StringComparison.Ordinal);
                YamlNode? next = node switch
                {
                    YamlMappingNode map => map.Children.FirstOrDefault(c => c.Key is YamlScalarNode k && k.Value == segment).Value,
                    YamlSequenceNode seq when int.TryParse(segment, out var i) && i < seq.Children.Count => seq.Children[i],
                    _ => null,
                };
                if (next is null) break;
                node = next;
            }
            return node.Start.Line;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }
    }
}
