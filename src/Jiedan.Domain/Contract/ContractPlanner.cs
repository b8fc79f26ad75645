namespace Jiedan.Domain.Contract;

/// <summary>Derives the <see cref="ContractPlan"/> from a checked requirement (naming rules in docs/contract.md).</summary>
public static class ContractPlanner
{
    public const int MaxPageSize = 1000;
    public const int MaxPageToken = 1024;

    public static ContractPlan Plan(RequirementDocument requirement)
    {
        var messages = new List<PlannedMessage>();
        var enums = new List<PlannedEnumeration>();
        var rpcs = new List<PlannedRpc>();
        foreach (var entity in requirement.Entities)
        {
            var fields = entity.Fields.Select(f => Planned(entity, f, enums)).ToList();
            messages.Add(new PlannedMessage(entity.Name, MessageRole.Entity, entity.Name, entity.Description,
                [Id(required: false, inPath: false) with { ReadOnly = true }, Version(required: false) with { ReadOnly = true },
                    .. fields]));
            foreach (var operation in entity.Operations) AddOperation(entity, operation, messages, rpcs);
            foreach (var action in entity.Actions) AddAction(entity, action, fields, messages, rpcs);
            AddEvents(entity, fields, messages);
        }
        var service = Naming.ToPascal(requirement.Service) + "Service";
        var package = $"{requirement.Service}.v{Math.Max(1, requirement.MajorVersion)}";
        return new ContractPlan(requirement, package, service, messages, enums, rpcs);
    }

    private static PlannedField Planned(EntitySpec entity, FieldSpec field, List<PlannedEnumeration> enums)
    {
        var planned = new PlannedField(field.Name, field.Description, field.Type, field.Constraints, field.Example);
        var values = field.Type.Kind == FieldKind.Enum ? field.Constraints.Values
            : field.Type.Item is { Type.Kind: FieldKind.Enum } item ? item.Constraints.Values
            : null;
        if (values is null) return planned;
        var name = entity.Name + Naming.ToPascal(field.Name);
        enums.Add(new PlannedEnumeration(name, values));
        return planned with { EnumName = name };
    }

    private static PlannedField Id(bool required, bool inPath) => new(
        "id", "The entity's identifier, assigned by the service.", FieldType.Of(FieldKind.Text),
        FieldConstraints.None with { Required = required, Format = StringFormat.Uuid }, InPath: inPath);

    private static PlannedField Version(bool required) => new(
        "version", "Incremented by every change; an update or action names the version it read (optimistic concurrency).",
        FieldType.Of(FieldKind.Integer64), FieldConstraints.None with { Required = required, Minimum = 0 });

    private static PlannedField EntityField(string name, string entity, bool required) =>
        new(name, null, new FieldType(FieldKind.Reference, Entity: entity), FieldConstraints.None with { Required = required });

    private static void AddOperation(EntitySpec entity, Operation operation, List<PlannedMessage> messages, List<PlannedRpc> rpcs)
    {
        var e = entity.Name;
        var one = Naming.ToLowerSnake(e);
        var collection = "/" + Naming.CollectionPath(e);
        var item = collection + "/{id}";
        void Rpc(string verb, string method, string path, string? body, string summary, PlannedField[] request, PlannedField[] response,
            MessageRole requestRole = MessageRole.Rpc, MessageRole responseRole = MessageRole.Rpc, string? noun = null)
        {
            var name = verb + (noun ?? e);
            messages.Add(new PlannedMessage(name + "Request", requestRole, e, null, request));
            messages.Add(new PlannedMessage(name + "Response", responseRole, e, null, response));
            rpcs.Add(new PlannedRpc(name, name + "Request", name + "Response", e, method, path, body, summary, null));
        }
        switch (operation)
        {
            case Operation.Create:
                Rpc("Create", "post", collection, e, $"Create a {e}", [EntityField(one, e, required: true)], [EntityField(one, e, false)]);
                break;
            case Operation.Get:
                Rpc("Get", "get", item, null, $"Get a {e}", [Id(true, true)], [EntityField(one, e, false)]);
                break;
            case Operation.List:
                var page = new PlannedField("page_size", "At most this many items (0: the service's default).",
                    FieldType.Of(FieldKind.Integer32), FieldConstraints.None with { Minimum = 0, Maximum = MaxPageSize });
                var token = new PlannedField("page_token", "The next_page_token of the previous page; empty for the first.",
                    FieldType.Of(FieldKind.Text), FieldConstraints.None with { MaxLength = MaxPageToken });
                var items = new PlannedField(Naming.ToLowerSnake(Naming.Plural(e)), null,
                    new FieldType(FieldKind.List, Item: new ListItem(new FieldType(FieldKind.Reference, e), FieldConstraints.None)),
                    FieldConstraints.None);
                var next = token with
                {
                    Name = "next_page_token", Description = "Pass as page_token for the next page; empty on the last.",
                };
                Rpc("List", "get", collection, null, $"List {Naming.Plural(e)}", [page, token], [items, next],
                    responseRole: MessageRole.Page, noun: Naming.Plural(e));
                break;
            case Operation.Update:
                Rpc("Update", "put", item, $"Update{e}Request", $"Replace a {e} at the version read",
                    [Id(true, true), Version(true), EntityField(one, e, true)], [EntityField(one, e, false)],
                    requestRole: MessageRole.Body);
                break;
            case Operation.Delete:
                Rpc("Delete", "delete", item, null, $"Delete a {e}", [Id(true, true)], []);
                break;
        }
    }

    private static void AddAction(EntitySpec entity, ActionSpec action, List<PlannedField> fields, List<PlannedMessage> messages,
        List<PlannedRpc> rpcs)
    {
        var e = entity.Name;
        var name = Naming.ToPascal(action.Name) + e;
        var changed = action.Fields.Select(f => fields.First(x => x.Name == f)).ToList();
        messages.Add(new PlannedMessage(name + "Request", MessageRole.Body, e, action.Description,
            [Id(true, true), Version(true), .. changed]));
        messages.Add(new PlannedMessage(name + "Response", MessageRole.Rpc, e, null, [EntityField(Naming.ToLowerSnake(e), e, false)]));
        var path = $"/{Naming.CollectionPath(e)}/{{id}}/{action.Name}";
        var summary = action.Description ?? $"{Naming.ToPascal(action.Name)} a {e}";
        rpcs.Add(new PlannedRpc(name, name + "Request", name + "Response", e, "post", path, name + "Request", summary, action.Emits));
    }

    /// <summary>One message per event; an event several actions emit carries the union of their fields.</summary>
    private static void AddEvents(EntitySpec entity, List<PlannedField> fields, List<PlannedMessage> messages)
    {
        foreach (var group in entity.Actions.Where(a => a.Emits is not null).GroupBy(a => a.Emits!))
        {
            var changed = group.SelectMany(a => a.Fields).Distinct().Select(f => fields.First(x => x.Name == f));
            var description = $"Emitted by {string.Join(", ", group.Select(a => a.Name))} on {entity.Name}.";
            messages.Add(new PlannedMessage(group.Key, MessageRole.Event, entity.Name, description,
                [Id(false, false), Version(false), .. changed]));
        }
    }
}
