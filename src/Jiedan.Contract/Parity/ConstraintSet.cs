using System.Globalization;
using System.Text;
using Jiedan.Domain.Contract;

namespace Jiedan.Contract.Parity;

/// <summary>
/// One field's type and constraints in a form both sides can be read into: proto (descriptor + buf.validate) and OpenAPI
/// (schema keywords) each produce one, and so does the requirement; parity is their equality. <see cref="Item"/> is a
/// list's element. <see cref="Unique"/> on a scalar is the carried <c>jiedan:unique</c> comment / <c>x-unique</c> key.
/// </summary>
public sealed record ConstraintSet(
    string Type,
    bool Required = false,
    long? MinLength = null,
    long? MaxLength = null,
    string? Pattern = null,
    string? Format = null,
    decimal? Minimum = null,
    decimal? Maximum = null,
    string? Values = null,
    bool Unique = false,
    ConstraintSet? Item = null)
{
    public override string ToString()
    {
        var text = new StringBuilder(Type);
        if (Item is not null) text.Append('<').Append(Item).Append('>');
        if (Required) text.Append(Type == "list" ? " required (min_items 1)" : " required");
        void Add(string name, object? value)
        {
            if (value is not null) text.Append(CultureInfo.InvariantCulture, $" {name}={value}");
        }
        Add("min_length", MinLength);
        Add("max_length", MaxLength);
        Add("pattern", Pattern);
        Add("format", Format);
        Add("minimum", Minimum?.ToString(CultureInfo.InvariantCulture));
        Add("maximum", Maximum?.ToString(CultureInfo.InvariantCulture));
        Add("values", Values);
        if (Unique) text.Append(Type == "list" ? " unique_items" : " unique (carried)");
        return text.ToString();
    }

    /// <summary>What the requirement asks of a planned field.</summary>
    public static ConstraintSet Expected(PlannedField field) => field.Type.Kind == FieldKind.List
        ? new ConstraintSet("list", field.Constraints.Required, Unique: field.Constraints.Unique,
            Item: Scalar(field.Type.Item!.Type, field.Type.Item.Constraints) with { Required = false, Unique = false })
        : Scalar(field.Type, field.Constraints);

    private static ConstraintSet Scalar(FieldType type, FieldConstraints c) => new(
        TypeName(type), c.Required, c.MinLength, c.MaxLength, c.Pattern, c.Format?.ToString().ToLowerInvariant(),
        c.Minimum, c.Maximum, c.Values.Count > 0 ? string.Join(",", c.Values) : null, c.Unique);

    private static string TypeName(FieldType type) => type.Kind switch
    {
        FieldKind.Text => "string",
        FieldKind.Integer32 => "int32",
        FieldKind.Integer64 => "int64",
        FieldKind.Number => "double",
        FieldKind.Boolean => "boolean",
        FieldKind.DateTime => "date-time",
        FieldKind.Enum => "enum",
        FieldKind.Reference => "ref:" + type.Entity,
        _ => "list",
    };
}
