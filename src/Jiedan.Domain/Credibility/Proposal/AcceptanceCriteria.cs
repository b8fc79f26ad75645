using Jiedan.Domain.Contract;

namespace Jiedan.Domain.Credibility.Proposal;

/// <summary>
/// Counts the acceptance criteria a requirement states: per field (and list element), each rule a client can check by a
/// request, and that the scaffold tests at its boundary: required, a length bound, a range bound, a pattern, a format,
/// an enum's values, uniqueness; a reference is one rule too (the record it names must exist). Named actions count one each.
/// </summary>
public static class AcceptanceCriteria
{
    public static RequirementFacts Count(int version, RequirementDocument requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return new RequirementFacts(version, [.. requirement.Entities.Select(e =>
            new EntityCriteria(e.Name, e.Fields.Sum(f => Rules(f.Type, f.Constraints)) + e.Actions.Count))]);
    }

    private static int Rules(FieldType type, FieldConstraints c)
    {
        var rules = new[]
        {
            c.Required, c.MinLength is not null, c.MaxLength is not null, c.Pattern is not null, c.Format is not null,
            c.Minimum is not null, c.Maximum is not null, c.Values.Count > 0, c.Unique, type.Kind == FieldKind.Reference,
        }.Count(r => r);
        return rules + (type.Item is { } item ? Rules(item.Type, item.Constraints) : 0);
    }
}
