using Jiedan.Domain.Contract;

namespace Jiedan.Domain.Scaffold;

/// <summary>One entity of the contract as the Go project names it: its packages, table, fields and routes.</summary>
public sealed record GoEntity(
    string Name,
    string? Description,
    string Package,
    string Table,
    string ListField,
    IReadOnlyList<GoField> Fields,
    IReadOnlyList<PlannedRpc> Rpcs,
    IReadOnlyList<GoAction> Actions)
{
    public string Local => GoText.Local(Name);

    public string Plural => Naming.Plural(Name);

    public IEnumerable<GoField> References => Fields.Where(f => f.RefEntity is not null);

    public static IReadOnlyList<GoEntity> From(ContractPlan plan) =>
        plan.Messages.Where(m => m.Role == MessageRole.Entity).Select(m => From(plan, m)).ToList();

    private static GoEntity From(ContractPlan plan, PlannedMessage message)
    {
        var fields = message.Fields.Where(f => f.Name is not ("id" or "version")).Select(GoField.From).ToList();
        var rpcs = plan.Rpcs.Where(r => r.Entity == message.Name).ToList();
        var actions = rpcs.Where(r => r.Path.Count(c => c == '/') == 3)
            .Select(r => new GoAction(r, r.Path[(r.Path.LastIndexOf('/') + 1)..],
                plan.Message(r.Request).Fields.Where(f => f.Name is not ("id" or "version"))
                    .Select(f => fields.First(x => x.Name == f.Name)).ToList()))
            .ToList();
        return new GoEntity(message.Name, message.Description, GoText.Package(message.Name), Naming.CollectionPath(message.Name),
            Naming.ToLowerSnake(Naming.Plural(message.Name)), fields, rpcs, actions);
    }

    public PlannedRpc? Rpc(string verb) => Rpcs.FirstOrDefault(r => r.Name == verb + (verb == "List" ? Plural : Name));
}

/// <summary>A named action: its route, the last path segment and the entity fields it sets.</summary>
public sealed record GoAction(PlannedRpc Rpc, string Segment, IReadOnlyList<GoField> Fields)
{
    public string Method => GoText.Exported(Segment);

    /// <summary>What the action does, for doc comments: "sets a, b", or "moves the version on" for an action without fields.</summary>
    public static string Describe(IReadOnlyList<GoField> fields) =>
        fields.Count == 0 ? "moves the version on" : "sets " + string.Join(", ", fields.Select(f => f.Name));
}

/// <summary>One field: its JSON name, Go name and type, SQL column and the rules the contract gives it.</summary>
public sealed record GoField(string Name, string GoName, FieldType Type, FieldConstraints Constraints, string? Example, string? Description)
{
    public bool IsList => Type.Kind == FieldKind.List;

    /// <summary>The scalar type: the field's own, or its list's element type.</summary>
    public FieldType Scalar => IsList ? Type.Item!.Type : Type;

    /// <summary>The rules of the scalar: the field's own, or every element's.</summary>
    public FieldConstraints ScalarRules => IsList ? Type.Item!.Constraints : Constraints;

    public string? RefEntity => Scalar.Kind == FieldKind.Reference ? Scalar.Entity : null;

    public static GoField From(PlannedField f) =>
        new(f.Name, GoText.Exported(f.Name), f.Type, f.Constraints, f.Example, f.Description);

    /// <summary>The Go type of one value: <c>string</c>, <c>int32</c>, <c>model.Company</c> …</summary>
    public string ScalarGoType(string modelPrefix) => Scalar.Kind switch
    {
        FieldKind.Text or FieldKind.Enum => "string",
        FieldKind.Integer32 => "int32",
        FieldKind.Integer64 => "int64",
        FieldKind.Number => "float64",
        FieldKind.Boolean => "bool",
        FieldKind.DateTime => "time.Time",
        FieldKind.Reference => modelPrefix + Scalar.Entity,
        _ => throw new InvalidOperationException("a list of lists"),
    };

    /// <summary>The Go type of the field in the model: a pointer (absent = nil) or a slice.</summary>
    public string GoType(string modelPrefix) => (IsList ? "[]" : "*") + ScalarGoType(modelPrefix);

    /// <summary>The SQLite column type.</summary>
    public string SqlType => IsList ? "TEXT" : Scalar.Kind switch
    {
        FieldKind.Integer32 or FieldKind.Integer64 or FieldKind.Boolean => "INTEGER",
        FieldKind.Number => "REAL",
        _ => "TEXT",
    };
}
