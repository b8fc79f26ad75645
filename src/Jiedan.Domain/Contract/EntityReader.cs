namespace Jiedan.Domain.Contract;

/// <summary>Reads one entity of <c>requirement.yml</c>: its fields, operations and actions.</summary>
internal sealed class EntityReader(YamlFields yaml, IReadOnlySet<string> entities)
{
    private static readonly string[] EntityKeys = ["description", "fields", "operations", "actions"];
    private static readonly string[] ActionKeys = ["description", "fields", "emits"];
    private static readonly Dictionary<string, Operation> OperationNames = new(StringComparer.Ordinal)
    {
        ["create"] = Operation.Create, ["get"] = Operation.Get, ["list"] = Operation.List,
        ["update"] = Operation.Update, ["delete"] = Operation.Delete,
    };

    public EntitySpec Entity(YamlTreeScalar name, YamlTree node)
    {
        var what = $"entity {name.Value}";
        var map = yaml.Map(node, what, EntityKeys);
        var fieldsNode = yaml.Require(map, node, "fields");
        var fieldEntries = yaml.Entries(fieldsNode, $"{what} fields");
        if (fieldEntries.Count == 0) throw yaml.Error(fieldsNode, $"{what} has no fields");
        var fields = fieldEntries.Select(f => new FieldReader(yaml, entities).Field(name.Value, f.Key, f.Value)).ToList();
        var operations = map.TryGetValue("operations", out var o) ? Operations(o, what) : [];
        var actions = map.TryGetValue("actions", out var a) ? Actions(a, what, fields) : [];
        return new EntitySpec(name.Value, yaml.Description(map, what), fields, operations, actions);
    }

    private List<Operation> Operations(YamlTree node, string what)
    {
        var result = new List<Operation>();
        foreach (var item in yaml.Names(node, $"{what} operations"))
        {
            if (!OperationNames.TryGetValue(item.Value, out var operation))
                throw yaml.Error(item, $"unknown operation in {what} (allowed: {string.Join(", ", OperationNames.Keys)})");
            if (result.Contains(operation)) throw yaml.Error(item, $"operation {item.Value} appears twice in {what}");
            result.Add(operation);
        }
        return result;
    }

    private List<ActionSpec> Actions(YamlTree node, string what, IReadOnlyList<FieldSpec> fields)
    {
        var result = new List<ActionSpec>();
        foreach (var (key, value) in yaml.Entries(node, $"{what} actions"))
        {
            if (!Naming.IsLowerSnake(key.Value))
                throw yaml.Error(key, $"an action name in {what} must be lower_snake (rename, mark_paid)");
            if (OperationNames.ContainsKey(key.Value) || ReservedNames.Why(key.Value) is not null)
                throw yaml.Error(key, $"action {key.Value} in {what} is reserved (a standard operation or a keyword)");
            var action = $"action {key.Value} of {what}";
            var map = yaml.Map(value, action, ActionKeys);
            var names = new List<string>();
            foreach (var field in map.TryGetValue("fields", out var f) ? yaml.Names(f, $"{action} fields") : [])
            {
                if (!fields.Any(x => x.Name == field.Value)) throw yaml.Error(field, $"{action} names a field the entity does not have");
                if (names.Contains(field.Value)) throw yaml.Error(field, $"field {field.Value} appears twice in {action}");
                names.Add(field.Value);
            }
            string? emits = null;
            if (map.TryGetValue("emits", out var e))
            {
                emits = yaml.Text(e, $"{action} emits");
                if (!Naming.IsPascal(emits)) throw yaml.Error(e, $"the event {action} emits must be PascalCase (UserRenamed)");
            }
            result.Add(new ActionSpec(key.Value, yaml.Description(map, action), names, emits));
        }
        return result;
    }
}
