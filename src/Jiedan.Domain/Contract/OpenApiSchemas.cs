using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Jiedan.Domain.Contract;

/// <summary>The JSON Schema of each planned message and field (mapping tables in docs/contract.md).</summary>
internal sealed class OpenApiSchemas(OpenApiDocument document)
{
    public OpenApiSchema Message(PlannedMessage message)
    {
        var fields = message.Fields.Where(f => !f.InPath).ToList();
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = message.Description ?? Describe(message),
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
            Required = new HashSet<string>(StringComparer.Ordinal),
        };
        foreach (var field in fields)
        {
            schema.Properties[field.Name] = Field(field);
            if (field.Constraints.Required) schema.Required.Add(field.Name);
        }
        if (message.Role == MessageRole.Event)
        {
            schema.Extensions = new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal)
            {
                ["x-event"] = OpenApiWriter.Extension(true),
            };
        }
        return schema;
    }

    private static string Describe(PlannedMessage message) => message.Role switch
    {
        MessageRole.Page => $"One page of {message.Entity} records.",
        MessageRole.Body => $"The body of {message.Name[..^"Request".Length]}; the id is in the path.",
        _ => message.Name,
    };

    public IOpenApiSchema Field(PlannedField field)
    {
        if (field.Type.Kind == FieldKind.Reference) return new OpenApiSchemaReference(field.Type.Entity!, document);
        OpenApiSchema schema;
        if (field.Type.Kind == FieldKind.List)
        {
            schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = Scalar(field.Type.Item!.Type, field.Type.Item.Constraints),
                MinItems = field.Constraints.Required ? 1 : null,
                UniqueItems = field.Constraints.Unique ? true : null,
            };
        }
        else
        {
            schema = (OpenApiSchema)Scalar(field.Type, field.Constraints);
            if (field.Constraints.Unique)
            {
                schema.Extensions = new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal)
                {
                    [OpenApiWriter.UniqueExtension] = OpenApiWriter.Extension(true),
                };
            }
        }
        schema.Description = field.Description;
        schema.ReadOnly = field.ReadOnly;
        if (Examples.For(field) is { } example) schema.Examples = [example];
        return schema;
    }

    private IOpenApiSchema Scalar(FieldType type, FieldConstraints c)
    {
        if (type.Kind == FieldKind.Reference) return new OpenApiSchemaReference(type.Entity!, document);
        var schema = type.Kind switch
        {
            FieldKind.Text => new OpenApiSchema { Type = JsonSchemaType.String, Format = c.Format?.ToString().ToLowerInvariant() },
            FieldKind.Integer32 => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            FieldKind.Integer64 => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
            FieldKind.Number => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double" },
            FieldKind.Boolean => new OpenApiSchema { Type = JsonSchemaType.Boolean },
            FieldKind.DateTime => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
            FieldKind.Enum => new OpenApiSchema { Type = JsonSchemaType.String, Enum = c.Values.Select(v => (JsonNode)v).ToList() },
            _ => throw new InvalidOperationException("a list of lists"),
        };
        schema.MinLength = c.MinLength is { } min ? checked((int)min) : null;
        schema.MaxLength = c.MaxLength is { } max ? checked((int)max) : null;
        schema.Pattern = c.Pattern;
        schema.Minimum = c.Minimum is { } lo ? ConstraintCheck.Text(lo) : null;
        schema.Maximum = c.Maximum is { } hi ? ConstraintCheck.Text(hi) : null;
        return schema;
    }
}
