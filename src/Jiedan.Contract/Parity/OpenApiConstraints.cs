using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Jiedan.Domain.Contract;

namespace Jiedan.Contract.Parity;

/// <summary>Reads each schema property's constraints back from the OpenAPI text with Microsoft.OpenApi's own reader.</summary>
public sealed class OpenApiConstraints
{
    private readonly OpenApiDocument _document;

    public OpenApiConstraints(string yaml)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var result = OpenApiDocument.Parse(yaml, OpenApiConstants.Yaml, settings);
        Errors = result.Diagnostic?.Errors.Select(e => e.Message).ToList() ?? [];
        _document = result.Document ?? new OpenApiDocument();
        Version = result.Diagnostic?.SpecificationVersion;
    }

    public IReadOnlyList<string> Errors { get; }

    public OpenApiSpecVersion? Version { get; }

    public IDictionary<string, IOpenApiExtension> InfoExtensions =>
        _document.Info?.Extensions ?? new Dictionary<string, IOpenApiExtension>();

    public bool HasSchema(string name) => _document.Components?.Schemas?.ContainsKey(name) == true;

    public IReadOnlyList<string> PropertyNames(string schema) => _document.Components!.Schemas![schema].Properties?.Keys.ToList() ?? [];

    /// <summary>The <c>id</c> path parameter's schema, shared by every operation on one entity.</summary>
    public ConstraintSet? IdParameter() =>
        _document.Components?.Parameters?.TryGetValue("Id", out var p) == true && p.Schema is { } s
            ? Scalar(s) with { Required = p.Required }
            : null;

    public ConstraintSet? Property(string schema, string property)
    {
        var owner = _document.Components!.Schemas![schema];
        if (owner.Properties?.TryGetValue(property, out var p) != true || p is null) return null;
        var required = owner.Required?.Contains(property) == true;
        if (p.Type == JsonSchemaType.Array && p is not OpenApiSchemaReference)
        {
            var item = p.Items is null ? new ConstraintSet("array without items") : Scalar(p.Items);
            var requiredList = required && p.MinItems == 1;
            var differs = required != requiredList || (!required && p.MinItems is not null);
            return new ConstraintSet(differs ? "list (required and minItems disagree)" : "list", requiredList,
                Unique: p.UniqueItems == true, Item: item);
        }
        return Scalar(p) with { Required = required, Unique = Flag(p.Extensions, OpenApiWriter.UniqueExtension) };
    }

    private static bool Flag(IDictionary<string, IOpenApiExtension>? extensions, string key) =>
        extensions?.TryGetValue(key, out var value) == true && value is JsonNodeExtension { Node: JsonValue v }
        && v.TryGetValue<bool>(out var flag) && flag;

    private static ConstraintSet Scalar(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference reference) return new ConstraintSet("ref:" + reference.Reference.Id);
        var format = schema.Format;
        var type = (schema.Type, format) switch
        {
            (JsonSchemaType.String, "date-time") => "date-time",
            (JsonSchemaType.String, _) when schema.Enum is { Count: > 0 } => "enum",
            (JsonSchemaType.String, _) => "string",
            (JsonSchemaType.Integer, "int32") => "int32",
            (JsonSchemaType.Integer, "int64") => "int64",
            (JsonSchemaType.Number, "double") => "double",
            (JsonSchemaType.Boolean, _) => "boolean",
            var (t, f) => $"{t} {f}",
        };
        if (type is "date-time" or "int32" or "int64" or "double") format = null;
        return new ConstraintSet(
            type,
            MinLength: schema.MinLength,
            MaxLength: schema.MaxLength,
            Pattern: schema.Pattern,
            Format: format,
            Minimum: Number(schema.Minimum),
            Maximum: Number(schema.Maximum),
            Values: schema.Enum is { Count: > 0 } values ? string.Join(",", values.Select(v => v.GetValue<string>())) : null);
    }

    private static decimal? Number(string? text) =>
        text is null ? null : decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
