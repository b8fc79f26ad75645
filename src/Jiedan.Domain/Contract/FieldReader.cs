using System.Globalization;
using System.Text.RegularExpressions;

namespace Jiedan.Domain.Contract;

/// <summary>Reads one field (or a list's <c>of</c>) and checks that its constraints fit its type and each other.</summary>
internal sealed class FieldReader(YamlFields yaml, IReadOnlySet<string> entities)
{
    private static readonly string[] ConstraintKeys =
        ["min_length", "max_length", "pattern", "format", "minimum", "maximum", "values", "entity"];
    private static readonly string[] FieldKeys =
        ["type", "description", "required", "unique", "example", "of", .. ConstraintKeys];
    private static readonly string[] ItemKeys = ["type", "of", .. ConstraintKeys];
    private static readonly Dictionary<string, FieldKind> Types = new(StringComparer.Ordinal)
    {
        ["string"] = FieldKind.Text, ["integer"] = FieldKind.Integer32, ["int64"] = FieldKind.Integer64,
        ["number"] = FieldKind.Number, ["boolean"] = FieldKind.Boolean, ["date-time"] = FieldKind.DateTime,
        ["enum"] = FieldKind.Enum, ["ref"] = FieldKind.Reference, ["list"] = FieldKind.List,
    };
    private static readonly Dictionary<string, StringFormat> Formats = new(StringComparer.Ordinal)
    {
        ["email"] = StringFormat.Email, ["uuid"] = StringFormat.Uuid, ["uri"] = StringFormat.Uri,
    };

    public FieldSpec Field(string entity, YamlTreeScalar name, YamlTree node)
    {
        if (!Naming.IsLowerSnake(name.Value))
            throw yaml.Error(name, $"a field name in entity {entity} must be lower_snake (display_name), at most 64 characters");
        var what = $"field {entity}.{name.Value}";
        if (ReservedNames.Why(name.Value) is { } why) throw yaml.Error(name, $"{what} is reserved: '{name.Value}' is {why}");
        if (ReservedNames.Generated.Contains(name.Value))
            throw yaml.Error(name, $"{what} is reserved: every entity already has '{name.Value}'");
        var map = yaml.Map(node, what, FieldKeys);
        var (type, constraints) = TypeAndConstraints(node, map, what, isItem: false);
        constraints = constraints with
        {
            Required = map.TryGetValue("required", out var r) && yaml.Boolean(r, $"{what} required"),
            Unique = map.TryGetValue("unique", out var u) && yaml.Boolean(u, $"{what} unique"),
        };
        if (constraints.Unique && type.Kind is FieldKind.Boolean)
            throw yaml.Error(u!, $"{what}: unique does not apply to a boolean");
        if (constraints.Unique && type.Item?.Type.Kind is FieldKind.Reference or FieldKind.DateTime)
            throw yaml.Error(u!, $"{what}: unique items apply to lists of strings, numbers and enums only (as in protovalidate)");
        string? example = null;
        if (map.TryGetValue("example", out var e))
        {
            if (type.Kind != FieldKind.Text) throw yaml.Error(e, $"{what}: example is only for string fields");
            example = yaml.Text(e, $"{what} example");
            if (!ConstraintCheck.Satisfies(example, constraints))
                throw yaml.Error(e, $"{what}: the example does not meet the field's constraints");
        }
        return new FieldSpec(name.Value, yaml.Description(map, what), type, constraints, example);
    }

    private (FieldType, FieldConstraints) TypeAndConstraints(YamlTree node, Dictionary<string, YamlTree> map, string what, bool isItem)
    {
        var typeNode = yaml.Require(map, node, "type");
        if (!Types.TryGetValue(yaml.Text(typeNode, $"{what} type"), out var kind))
            throw yaml.Error(typeNode, $"unknown type for {what} (allowed: {string.Join(", ", Types.Keys)})");
        if (isItem && kind == FieldKind.List) throw yaml.Error(typeNode, $"{what}: a list of lists is not supported");
        var constraints = Constraints(map, what, kind);
        return kind switch
        {
            FieldKind.Reference => (new FieldType(kind, Entity: Reference(map, node, what)), constraints),
            FieldKind.List => (new FieldType(kind, Item: Item(map, node, what)), constraints),
            _ => (FieldType.Of(kind), constraints),
        };
    }

    private string Reference(Dictionary<string, YamlTree> map, YamlTree node, string what)
    {
        var entityNode = yaml.Require(map, node, "entity");
        var entity = yaml.Text(entityNode, $"{what} entity");
        if (!Naming.IsPascal(entity) || !entities.Contains(entity))
            throw yaml.Error(entityNode, $"{what} refers to an entity this requirement does not define");
        return entity;
    }

    private ListItem Item(Dictionary<string, YamlTree> map, YamlTree node, string what)
    {
        var ofNode = yaml.Require(map, node, "of");
        var itemWhat = $"the items of {what}";
        if (ofNode is YamlTreeScalar)
        {
            var shorthand = new Dictionary<string, YamlTree>(StringComparer.Ordinal) { ["type"] = ofNode };
            var (type, constraints) = TypeAndConstraints(ofNode, shorthand, itemWhat, isItem: true);
            return new ListItem(type, constraints);
        }
        var itemMap = yaml.Map(ofNode, itemWhat, ItemKeys);
        var (itemType, itemConstraints) = TypeAndConstraints(ofNode, itemMap, itemWhat, isItem: true);
        return new ListItem(itemType, itemConstraints);
    }

    private FieldConstraints Constraints(Dictionary<string, YamlTree> map, string what, FieldKind kind)
    {
        Only(map, what, kind, FieldKind.Text, "min_length", "max_length", "pattern", "format", "example");
        Only(map, what, kind, FieldKind.Enum, "values");
        Only(map, what, kind, FieldKind.Reference, "entity");
        Only(map, what, kind, FieldKind.List, "of");
        if (kind is not (FieldKind.Integer32 or FieldKind.Integer64 or FieldKind.Number))
            Only(map, what, kind, FieldKind.Number, "minimum", "maximum");
        var c = FieldConstraints.None;
        if (map.TryGetValue("min_length", out var min)) c = c with { MinLength = yaml.Integer(min, $"{what} min_length", 0, 1_000_000) };
        if (map.TryGetValue("max_length", out var max)) c = c with { MaxLength = yaml.Integer(max, $"{what} max_length", 1, 1_000_000) };
        if (c.MinLength > c.MaxLength) throw yaml.Error(min!, $"{what}: min_length is above max_length");
        if (map.TryGetValue("pattern", out var p)) c = c with { Pattern = Pattern(p, what) };
        if (map.TryGetValue("format", out var f))
        {
            if (!Formats.TryGetValue(yaml.Text(f, $"{what} format"), out var format))
                throw yaml.Error(f, $"unknown format for {what} (allowed: {string.Join(", ", Formats.Keys)})");
            c = c with { Format = format };
        }
        if (map.TryGetValue("minimum", out var lo)) c = c with { Minimum = Bound(lo, $"{what} minimum", kind) };
        if (map.TryGetValue("maximum", out var hi)) c = c with { Maximum = Bound(hi, $"{what} maximum", kind) };
        if (c.Minimum > c.Maximum) throw yaml.Error(lo!, $"{what}: minimum is above maximum");
        if (kind == FieldKind.Enum) c = c with { Values = Values(map, what) };
        return c;
    }

    private void Only(Dictionary<string, YamlTree> map, string what, FieldKind kind, FieldKind owner, params string[] keys)
    {
        if (kind == owner) return;
        foreach (var key in keys)
        {
            if (map.TryGetValue(key, out var node))
                throw yaml.Error(node, $"{what}: {key} does not apply to type {Types.First(t => t.Value == kind).Key}");
        }
    }

    private string Pattern(YamlTree node, string what)
    {
        var pattern = yaml.Text(node, $"{what} pattern");
        if (pattern.Length > 1000) throw yaml.Error(node, $"{what} pattern is longer than 1000 characters");
        try
        {
            // NonBacktracking refuses look-arounds and back-references, which RE2 (protovalidate) lacks too.
            _ = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw yaml.Error(node,
                $"{what} pattern is not a regular expression both RE2 and JSON Schema accept (no look-around, no back-references)", e);
        }
        return pattern;
    }

    private decimal Bound(YamlTree node, string what, FieldKind kind) => kind switch
    {
        FieldKind.Integer32 => yaml.Integer(node, what, int.MinValue, int.MaxValue),
        FieldKind.Integer64 => yaml.Integer(node, what, long.MinValue, long.MaxValue),
        _ => yaml.Number(node, what),
    };

    private List<string> Values(Dictionary<string, YamlTree> map, string what)
    {
        if (!map.TryGetValue("values", out var node)) throw yaml.Error(map["type"], $"{what}: an enum needs values: [a, b]");
        var values = new List<string>();
        foreach (var value in yaml.Names(node, $"{what} values"))
        {
            if (!Naming.IsLowerSnake(value.Value)) throw yaml.Error(value, $"{what}: an enum value must be lower_snake (active, on_hold)");
            if (value.Value == "unspecified") throw yaml.Error(value, $"{what}: 'unspecified' is the proto zero value, reserved");
            if (values.Contains(value.Value)) throw yaml.Error(value, $"{what}: enum value {value.Value} appears twice");
            values.Add(value.Value);
        }
        if (values.Count == 0) throw yaml.Error(node, $"{what}: an enum needs at least one value");
        return values;
    }
}
