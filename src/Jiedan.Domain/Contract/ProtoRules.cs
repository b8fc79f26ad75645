using System.Globalization;
using System.Text;

namespace Jiedan.Domain.Contract;

/// <summary>The protovalidate options (<c>(buf.validate.field)...</c>) that state a field's constraints.</summary>
internal static class ProtoRules
{
    private const string Rule = "(buf.validate.field)";

    public static IEnumerable<string> For(PlannedField field)
    {
        var c = field.Constraints;
        if (field.Type.Kind == FieldKind.List)
        {
            if (c.Required) yield return $"{Rule}.repeated.min_items = 1";
            if (c.Unique) yield return $"{Rule}.repeated.unique = true";
            foreach (var rule in Scalar(field.Type.Item!.Type.Kind, field.Type.Item.Constraints, field.EnumName))
                yield return $"{Rule}.repeated.items.{rule}";
            yield break;
        }
        if (c.Required) yield return $"{Rule}.required = true";
        foreach (var rule in Scalar(field.Type.Kind, c, field.EnumName)) yield return $"{Rule}.{rule}";
    }

    private static IEnumerable<string> Scalar(FieldKind kind, FieldConstraints c, string? enumName)
    {
        var type = kind switch
        {
            FieldKind.Text => "string",
            FieldKind.Integer32 => "int32",
            FieldKind.Integer64 => "int64",
            FieldKind.Number => "double",
            FieldKind.Enum => "enum",
            _ => null,
        };
        if (type is null) yield break;
        if (c.MinLength is { } min) yield return $"string.min_len = {min.ToString(CultureInfo.InvariantCulture)}";
        if (c.MaxLength is { } max) yield return $"string.max_len = {max.ToString(CultureInfo.InvariantCulture)}";
        if (c.Pattern is { } pattern) yield return $"string.pattern = {Quoted(pattern)}";
        if (c.Format is { } format) yield return $"string.{format.ToString().ToLowerInvariant()} = true";
        if (c.Minimum is { } lo) yield return $"{type}.gte = {Number(lo, kind)}";
        if (c.Maximum is { } hi) yield return $"{type}.lte = {Number(hi, kind)}";
        if (kind == FieldKind.Enum)
        {
            yield return $"enum = {{defined_only: true, in: [{string.Join(", ", Enumerable.Range(1, c.Values.Count))}]}}";
        }
    }

    /// <summary>A double keeps a decimal point so that protoc reads it as a float literal.</summary>
    private static string Number(decimal value, FieldKind kind)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return kind == FieldKind.Number && !text.Contains('.', StringComparison.Ordinal) ? text + ".0" : text;
    }

    /// <summary>A proto string literal: quotes, backslashes and control characters escaped; other text kept as UTF-8.</summary>
    public static string Quoted(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var ch in value)
        {
            text.Append(ch switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                _ when char.IsControl(ch) => "\\" + Convert.ToString(ch, 8).PadLeft(3, '0'),
                _ => ch.ToString(),
            });
        }
        return text.Append('"').ToString();
    }
}
