using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jiedan.Domain.Contract;

/// <summary>
/// The dashboard's entity/field editor as plain, bindable data: what the freelancer typed, not yet checked. It becomes
/// requirement.yml text (<see cref="RequirementFormYaml.ToYaml"/>) that goes through <see cref="RequirementReader"/> like any
/// file, so every mistake still comes back at line:column. Every value is written as a quoted YAML scalar except numbers
/// that look like numbers, so no input can add a key or change the document's shape.
/// </summary>
public sealed class RequirementForm
{
    public string Service { get; set; } = "";
    public string Version { get; set; } = "";
    public string? P99Ms { get; set; }
    public string? PropagationS { get; set; }
    public string? Availability { get; set; }
    public List<EntityForm> Entities { get; set; } = [];
}

public sealed class EntityForm
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public bool Create { get; set; }
    public bool Get { get; set; }
    public bool List { get; set; }
    public bool Update { get; set; }
    public bool Delete { get; set; }
    public List<FieldForm> Fields { get; set; } = [];
}

/// <summary>One field row. <see cref="Type"/> is one of the reader's type names; <see cref="Values"/> a comma list.</summary>
public sealed class FieldForm
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "string";
    public string? Description { get; set; }
    public bool Required { get; set; }
    public string? MinLength { get; set; }
    public string? MaxLength { get; set; }
    public string? Minimum { get; set; }
    public string? Maximum { get; set; }
    public string? Pattern { get; set; }
    public string? Format { get; set; }
    public string? Values { get; set; }
    public string? Entity { get; set; }
}

/// <summary>Form → requirement.yml text, and a stored <see cref="RequirementDocument"/> → form.</summary>
public static partial class RequirementFormYaml
{
    /// <summary>The type names the form offers (the reader's, without list).</summary>
    public static IReadOnlyList<string> Types { get; } =
        ["string", "integer", "int64", "number", "boolean", "date-time", "enum", "ref"];

    public static IReadOnlyList<string> Formats { get; } = ["email", "uuid", "uri"];

    public static string ToYaml(RequirementForm form)
    {
        var yaml = new StringBuilder();
        yaml.Append("service: ").Append(Quote(form.Service)).Append('\n');
        yaml.Append("version: ").Append(Quote(form.Version)).Append('\n');
        var terms = new List<string>();
        if (Blank(form.P99Ms) is { } p99) terms.Add("p99_ms: " + Number(p99));
        if (Blank(form.PropagationS) is { } propagation) terms.Add("propagation_s: " + Number(propagation));
        if (Blank(form.Availability) is { } availability) terms.Add("availability: " + Number(availability));
        if (terms.Count > 0) yaml.Append("terms: { ").Append(string.Join(", ", terms)).Append(" }\n");
        yaml.Append("entities:\n");
        foreach (var entity in form.Entities.Where(e => !IsEmpty(e)))
        {
            yaml.Append("  ").Append(Quote(entity.Name)).Append(":\n");
            if (Blank(entity.Description) is { } description) yaml.Append("    description: ").Append(Quote(description)).Append('\n');
            yaml.Append("    fields:\n");
            foreach (var field in entity.Fields.Where(f => Blank(f.Name) is not null)) AppendField(yaml, field);
            yaml.Append("    operations: [").Append(string.Join(", ", Operations(entity))).Append("]\n");
        }
        return yaml.ToString();
    }

    public static RequirementForm FromDocument(RequirementDocument document) => new()
    {
        Service = document.Service,
        Version = document.Version,
        P99Ms = document.Terms.P99Ms?.ToString(CultureInfo.InvariantCulture),
        PropagationS = document.Terms.PropagationS?.ToString(CultureInfo.InvariantCulture),
        Availability = document.Terms.Availability?.ToString(CultureInfo.InvariantCulture),
        Entities = [.. document.Entities.Select(e => new EntityForm
        {
            Name = e.Name,
            Description = e.Description,
            Create = e.Operations.Contains(Operation.Create),
            Get = e.Operations.Contains(Operation.Get),
            List = e.Operations.Contains(Operation.List),
            Update = e.Operations.Contains(Operation.Update),
            Delete = e.Operations.Contains(Operation.Delete),
            Fields = [.. e.Fields.Where(f => f.Type.Kind != FieldKind.List).Select(FieldFrom)],
        })],
    };

    /// <summary>What a document holds that the form cannot (named actions, lists, unique, examples): saving the form drops it.</summary>
    public static IReadOnlyList<string> NotInForm(RequirementDocument document)
    {
        var lost = new List<string>();
        foreach (var entity in document.Entities)
        {
            lost.AddRange(entity.Actions.Select(a => $"{entity.Name}.{a.Name}"));
            lost.AddRange(entity.Fields.Where(f => f.Type.Kind == FieldKind.List || f.Constraints.Unique || f.Example is not null)
                .Select(f => $"{entity.Name}.{f.Name}"));
        }
        return lost;
    }

    private static FieldForm FieldFrom(FieldSpec field)
    {
        var c = field.Constraints;
        return new FieldForm
        {
            Name = field.Name,
            Type = TypeName(field.Type.Kind),
            Description = field.Description,
            Required = c.Required,
            MinLength = c.MinLength?.ToString(CultureInfo.InvariantCulture),
            MaxLength = c.MaxLength?.ToString(CultureInfo.InvariantCulture),
            Minimum = c.Minimum?.ToString(CultureInfo.InvariantCulture),
            Maximum = c.Maximum?.ToString(CultureInfo.InvariantCulture),
            Pattern = c.Pattern,
            Format = c.Format?.ToString().ToLowerInvariant(),
            Values = c.Values.Count == 0 ? null : string.Join(", ", c.Values),
            Entity = field.Type.Entity,
        };
    }

    private static string TypeName(FieldKind kind) => kind switch
    {
        FieldKind.Integer32 => "integer",
        FieldKind.Integer64 => "int64",
        FieldKind.Number => "number",
        FieldKind.Boolean => "boolean",
        FieldKind.DateTime => "date-time",
        FieldKind.Enum => "enum",
        FieldKind.Reference => "ref",
        _ => "string",
    };

    private static void AppendField(StringBuilder yaml, FieldForm field)
    {
        yaml.Append("      ").Append(Quote(field.Name)).Append(":\n");
        void Line(string key, string value) => yaml.Append("        ").Append(key).Append(": ").Append(value).Append('\n');
        Line("type", Quote(Blank(field.Type) ?? "string"));
        if (Blank(field.Description) is { } description) Line("description", Quote(description));
        if (field.Required) Line("required", "true");
        if (Blank(field.MinLength) is { } minLength) Line("min_length", Number(minLength));
        if (Blank(field.MaxLength) is { } maxLength) Line("max_length", Number(maxLength));
        if (Blank(field.Minimum) is { } minimum) Line("minimum", Number(minimum));
        if (Blank(field.Maximum) is { } maximum) Line("maximum", Number(maximum));
        if (Blank(field.Pattern) is { } pattern) Line("pattern", Quote(pattern));
        if (Blank(field.Format) is { } format) Line("format", Quote(format));
        if (Blank(field.Values) is { } values)
            Line("values", "[" + string.Join(", ", values.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).Select(Quote)) + "]");
        if (Blank(field.Entity) is { } entity) Line("entity", Quote(entity));
    }

    private static IEnumerable<string> Operations(EntityForm entity)
    {
        if (entity.Create) yield return "create";
        if (entity.Get) yield return "get";
        if (entity.List) yield return "list";
        if (entity.Update) yield return "update";
        if (entity.Delete) yield return "delete";
    }

    private static bool IsEmpty(EntityForm entity) =>
        Blank(entity.Name) is null && Blank(entity.Description) is null && entity.Fields.All(f => Blank(f.Name) is null);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A number as a plain scalar; anything else quoted, so the reader names it at its line:column.</summary>
    private static string Number(string text) => PlainNumber().IsMatch(text) ? text : Quote(text);

    /// <summary>A YAML double-quoted scalar; control characters other than newline and tab are escaped by code point.</summary>
    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text.ReplaceLineEndings("\n"))
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }

    [GeneratedRegex("^-?[0-9]{1,30}(\\.[0-9]{1,30})?([eE][-+]?[0-9]{1,3})?$")]
    private static partial Regex PlainNumber();
}
