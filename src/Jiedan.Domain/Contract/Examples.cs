using System.Text.Json.Nodes;

namespace Jiedan.Domain.Contract;

/// <summary>
/// An example value that meets a field's constraints, for the OpenAPI document (redocly checks it against the schema).
/// A string with a pattern has an example only when the requirement gives one: a pattern cannot be inverted in general.
/// </summary>
public static class Examples
{
    public const string Uuid = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    public const string Instant = "2025-01-01T08:00:00Z";

    public static JsonNode? For(PlannedField field)
    {
        if (field.Type.Kind != FieldKind.List) return Scalar(field.Type.Kind, field.Constraints, field.Example);
        if (Scalar(field.Type.Item!.Type.Kind, field.Type.Item.Constraints, null) is not { } item) return null;
        return new JsonArray(item);
    }

    private static JsonValue? Scalar(FieldKind kind, FieldConstraints c, string? given) => kind switch
    {
        FieldKind.Text => Text(c, given),
        FieldKind.Integer32 or FieldKind.Integer64 => JsonValue.Create((long)Clamp(1, c)),
        FieldKind.Number => JsonValue.Create((double)Clamp(1.5m, c)),
        FieldKind.Boolean => JsonValue.Create(true),
        FieldKind.DateTime => JsonValue.Create(Instant),
        FieldKind.Enum => JsonValue.Create(c.Values[0]),
        _ => null,
    };

    private static decimal Clamp(decimal preferred, FieldConstraints c)
    {
        var value = preferred;
        if (c.Minimum is { } min && value < min) value = min;
        if (c.Maximum is { } max && value > max) value = max;
        return value;
    }

    private static JsonValue? Text(FieldConstraints c, string? given)
    {
        var candidate = given ?? (c.Pattern is not null ? null : c.Format switch
        {
            StringFormat.Email => "user@example.com",
            StringFormat.Uuid => Uuid,
            StringFormat.Uri => "https://example.com/",
            _ => Filler((int)Math.Clamp(7, c.MinLength ?? 0, c.MaxLength ?? long.MaxValue)),
        });
        return candidate is not null && ConstraintCheck.Satisfies(candidate, c) ? JsonValue.Create(candidate) : null;
    }

    private static string Filler(int length) => string.Concat(Enumerable.Repeat("example", length / 7 + 1))[..length];
}
