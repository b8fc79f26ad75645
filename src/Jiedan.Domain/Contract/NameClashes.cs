namespace Jiedan.Domain.Contract;

/// <summary>
/// Refuses a requirement whose generated names collide: an entity called <c>CreateUserRequest</c>, an event named like
/// an entity, an enum <c>UserStatus</c> beside an entity <c>UserStatus</c>. Each clash is reported at the entity that
/// brought the second name.
/// </summary>
internal sealed class NameClashes(YamlFields yaml, IReadOnlyList<KeyValuePair<YamlTreeScalar, YamlTree>> entities)
{
    /// <summary>Schema names the OpenAPI writer adds on its own.</summary>
    public static IReadOnlyList<string> Fixed { get; } = ["Problem"];

    public void Check(RequirementDocument document)
    {
        var plan = ContractPlanner.Plan(document);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Fixed) owners[name] = "the OpenAPI writer";
        owners[plan.ServiceName] = "the service";
        var named = plan.Messages.Select(m => (m.Name, m.Entity))
            .Concat(plan.Enums.Select(e => (e.Name, Entity: OwnerOf(plan, e))))
            .OrderBy(n => n.Name == n.Entity ? 0 : 1);
        foreach (var (name, entity) in named)
        {
            if (owners.TryAdd(name, entity)) continue;
            var place = entities.First(e => e.Key.Value == entity).Key;
            throw yaml.Error(place, $"entity {entity} generates the name {name}, which {Describe(owners[name])} uses already");
        }
    }

    private static string OwnerOf(ContractPlan plan, PlannedEnumeration e) =>
        plan.Messages.First(m => m.Fields.Any(f => f.EnumName == e.Name)).Entity;

    private static string Describe(string owner) => owner switch
    {
        "the OpenAPI writer" or "the service" => owner,
        _ => $"entity {owner}",
    };
}
