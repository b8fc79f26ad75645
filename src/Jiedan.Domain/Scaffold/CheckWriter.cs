using Jiedan.Domain.Contract;

namespace Jiedan.Domain.Scaffold;

/// <summary>
/// <c>internal/&lt;entity&gt;/validate.go</c>: reading an entity from JSON members, and one small function per field holding
/// every rule of the contract for it (each function stays far below gocyclo's 15).
/// </summary>
internal static class CheckWriter
{
    public static ScaffoldFile Write(GoEntity entity, string module)
    {
        var go = new GoSource(entity.Package);
        go.Import($"{module}/internal/httpx").Import($"{module}/internal/model");
        if (entity.Fields.Any(f => f.Scalar.Kind == FieldKind.DateTime)) go.Import("time");
        go.Line($"// decode reads a {entity.Name} from the members of a JSON object; id and version are the service's to set.");
        go.Line($"func decode(f *httpx.Fields) model.{entity.Name} {{");
        go.Line("\tf.Ignore(\"id\", \"version\")");
        go.Line($"\tvar e model.{entity.Name}");
        foreach (var field in entity.Fields) go.Line("\t" + DecodeLine(field));
        go.Line("\treturn e");
        go.Line("}");
        go.Line();
        go.Line($"// check applies every rule of the contract to a {entity.Name}; prefix names the object it sits in.");
        go.Line($"func check(e *model.{entity.Name}, prefix string) []httpx.FieldError {{");
        go.Line("\tvar out []httpx.FieldError");
        foreach (var field in entity.Fields.Where(HasRules))
            go.Line($"\tout = append(out, check{field.GoName}(prefix+{GoText.Quote(field.Name)}, e.{field.GoName})...)");
        go.Line("\treturn out");
        go.Line("}");
        var checkedFields = entity.Fields.Where(HasRules).ToList();
        foreach (var field in checkedFields) go.Line().Lines(FieldCheck(field));
        // Every field check calls the validate package (Missing, Problems or a rule).
        if (checkedFields.Count > 0) go.Import($"{module}/internal/validate");
        if (checkedFields.Any(f => f.ScalarRules.Pattern is not null)) go.Import("regexp");
        if (NeedsStrconv(entity)) go.Import("strconv");
        return new ScaffoldFile($"internal/{entity.Package}/validate.go", go.ToString());
    }

    public static string DecodeLine(GoField field) => field.IsList
        ? $"e.{field.GoName} = httpx.List[{field.ScalarGoType("model.")}](f, {GoText.Quote(field.Name)})"
        : $"e.{field.GoName} = httpx.Value[{field.ScalarGoType("model.")}](f, {GoText.Quote(field.Name)})";

    public static bool HasRules(GoField field) =>
        field.Constraints.Required || field.IsList || field.RefEntity is not null || ScalarRules(field, "v", "path").Count > 0;

    /// <summary>The validate calls for one value <paramref name="v"/> (already dereferenced) at <paramref name="path"/>.</summary>
    public static List<string> ScalarRules(GoField field, string v, string path)
    {
        var c = field.ScalarRules;
        var rules = new List<string>();
        switch (field.Scalar.Kind)
        {
            case FieldKind.Text:
                if (c.MinLength is { } min) rules.Add($"validate.MinLength({path}, {v}, {GoText.Number(min)})");
                if (c.MaxLength is { } max) rules.Add($"validate.MaxLength({path}, {v}, {GoText.Number(max)})");
                if (c.Pattern is not null) rules.Add($"validate.Pattern({path}, {v}, {PatternVar(field)})");
                if (c.Format is { } format) rules.Add($"validate.{FormatRule(format)}({path}, {v})");
                break;
            case FieldKind.Integer32 or FieldKind.Integer64 or FieldKind.Number:
                if (c.Minimum is { } lo) rules.Add($"validate.Minimum({path}, float64({v}), {GoText.Number(lo)})");
                if (c.Maximum is { } hi) rules.Add($"validate.Maximum({path}, float64({v}), {GoText.Number(hi)})");
                break;
            case FieldKind.Enum:
                rules.Add($"validate.OneOf({path}, {v}, {string.Join(", ", c.Values.Select(GoText.Quote))})");
                break;
            case FieldKind.Reference:
                rules.Add($"validate.UUID({path}+\".id\", {v}.ID)");
                break;
        }
        return rules;
    }

    private static string FormatRule(StringFormat format) => format switch
    {
        StringFormat.Email => "Email",
        StringFormat.Uuid => "UUID",
        _ => "URI",
    };

    public static string PatternVar(GoField field) => GoText.Local(field.GoName) + "Pattern";

    private static List<string> FieldCheck(GoField field)
    {
        var lines = new List<string>();
        var pattern = field.ScalarRules.Pattern;
        if (pattern is not null) lines.Add($"var {PatternVar(field)} = regexp.MustCompile({GoText.Raw(pattern)})");
        if (pattern is not null) lines.Add("");
        var type = field.GoType("model.");
        lines.Add($"func check{field.GoName}(path string, v {type}) []httpx.FieldError {{");
        lines.Add("\tif v == nil {");
        lines.Add(field.Constraints.Required ? "\t\treturn validate.Missing(path)" : "\t\treturn nil");
        lines.Add("\t}");
        if (!field.IsList)
        {
            var rules = ScalarRules(field, field.Scalar.Kind == FieldKind.Reference ? "v" : "*v", "path");
            if (rules.Count == 0) lines.Add("\treturn nil");
            else
            {
                lines.Add("\treturn validate.Problems(");
                lines.AddRange(rules.Select(r => "\t\t" + r + ","));
                lines.Add("\t)");
            }
        }
        else
        {
            var itemRules = ScalarRules(field, "item", "validate.Item(path, i)");
            var listRules = new List<string>();
            if (field.Constraints.Required) listRules.Add("validate.NotEmpty(path, len(v))");
            if (field.Constraints.Unique) listRules.Add("validate.Distinct(path, keys)");
            if (field.Constraints.Unique)
            {
                lines.Add("\tkeys := make([]string, len(v))");
                lines.Add("\tfor i, item := range v {");
                lines.Add($"\t\tkeys[i] = {KeyOf(field)}");
                lines.Add("\t}");
            }
            lines.Add($"\tout := validate.Problems({string.Join(", ", listRules)})");
            if (itemRules.Count > 0)
            {
                lines.Add("\tfor i, item := range v {");
                lines.Add("\t\tout = append(out, validate.Problems(");
                lines.AddRange(itemRules.Select(r => "\t\t\t" + r + ","));
                lines.Add("\t\t)...)");
                lines.Add("\t}");
            }
            lines.Add("\treturn out");
        }
        lines.Add("}");
        return lines;
    }

    private static string KeyOf(GoField field) => field.Scalar.Kind switch
    {
        FieldKind.Text or FieldKind.Enum => "item",
        FieldKind.Reference => "item.ID",
        FieldKind.DateTime => "item.UTC().Format(time.RFC3339Nano)",
        FieldKind.Boolean => "strconv.FormatBool(item)",
        FieldKind.Number => "strconv.FormatFloat(item, 'g', -1, 64)",
        _ => "strconv.FormatInt(int64(item), 10)",
    };

    public static bool NeedsStrconv(GoEntity entity) => entity.Fields.Any(f => f.IsList && f.Constraints.Unique
        && f.Scalar.Kind is FieldKind.Boolean or FieldKind.Number or FieldKind.Integer32 or FieldKind.Integer64);
}
