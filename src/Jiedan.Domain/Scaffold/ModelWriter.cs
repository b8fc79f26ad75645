using Jiedan.Domain.Contract;

namespace Jiedan.Domain.Scaffold;

/// <summary><c>internal/model/&lt;entity&gt;.go</c>: the record as JSON carries it. Optional values are pointers (absent = nil).</summary>
internal static class ModelWriter
{
    public static ScaffoldFile Write(GoEntity entity)
    {
        var go = new GoSource("model");
        if (entity.Fields.Any(f => f.Scalar.Kind == FieldKind.DateTime)) go.Import("time");
        var summary = entity.Description is { } d
            ? $"{entity.Name}: {OneLine(d)}"
            : $"{entity.Name} is one record of the {entity.Table} table.";
        go.Line("// " + summary);
        go.Line($"type {entity.Name} struct {{");
        List<string[]> rows =
        [
            ["ID", "string", "`json:\"id\"`"],
            ["Version", "int64", "`json:\"version\"`"],
            .. entity.Fields.Select(f => new[] { f.GoName, f.GoType(""), $"`json:\"{f.Name},omitempty\"`" }),
        ];
        go.Lines(GoText.Align(rows, "\t"));
        go.Line("}");
        return new ScaffoldFile($"internal/model/{Naming.ToLowerSnake(entity.Name)}.go", go.ToString());
    }

    public static string OneLine(string text) =>
        string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
