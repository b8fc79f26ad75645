namespace Jiedan.Domain.Contract;

/// <summary>
/// A confirmed requirement as the contract generator reads it (docs/contract.md, <c>requirement.yml</c>): one service, its
/// non-functional terms and its entities. Names are already checked (<see cref="RequirementReader"/>), so writers can use
/// them as identifiers in proto and OpenAPI alike.
/// </summary>
public sealed record RequirementDocument(string Service, string Version, ServiceTerms Terms, IReadOnlyList<EntitySpec> Entities)
{
    public int MajorVersion => int.Parse(Version.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Non-functional terms; each is optional. Availability is a percentage (99.95 = 99.95 %).</summary>
public sealed record ServiceTerms(long? P99Ms, long? PropagationS, decimal? Availability);

/// <summary>One entity: a PascalCase name, its fields in declared order, the standard operations and named actions.</summary>
public sealed record EntitySpec(
    string Name,
    string? Description,
    IReadOnlyList<FieldSpec> Fields,
    IReadOnlyList<Operation> Operations,
    IReadOnlyList<ActionSpec> Actions);

/// <summary>A lower_snake field with its type and constraints.</summary>
public sealed record FieldSpec(string Name, string? Description, FieldType Type, FieldConstraints Constraints, string? Example);

/// <summary>
/// A field's type. <see cref="Entity"/> is set for <see cref="FieldKind.Reference"/>; <see cref="Item"/> (with its own
/// constraints, applied to every element) for <see cref="FieldKind.List"/>.
/// </summary>
public sealed record FieldType(FieldKind Kind, string? Entity = null, ListItem? Item = null)
{
    public static FieldType Of(FieldKind kind) => new(kind);
}

/// <summary>The element of a list: a non-list type and the constraints every element must meet.</summary>
public sealed record ListItem(FieldType Type, FieldConstraints Constraints);

public enum FieldKind { Text, Integer32, Integer64, Number, Boolean, DateTime, Enum, Reference, List }

public enum StringFormat { Email, Uuid, Uri }

public enum Operation { Create, Get, List, Update, Delete }

/// <summary>
/// Constraints of one field (or list element). Lengths count Unicode code points, as protovalidate's <c>min_len</c> and
/// JSON Schema's <c>minLength</c> both do. On a list, <see cref="Required"/> means at least one element and
/// <see cref="Unique"/> means distinct elements; on a scalar, <see cref="Unique"/> is a storage rule neither proto nor
/// OpenAPI can state, carried as <c>x-unique</c> and a proto comment.
/// </summary>
public sealed record FieldConstraints
{
    public bool Required { get; init; }
    public long? MinLength { get; init; }
    public long? MaxLength { get; init; }
    public string? Pattern { get; init; }
    public StringFormat? Format { get; init; }
    public decimal? Minimum { get; init; }
    public decimal? Maximum { get; init; }
    public IReadOnlyList<string> Values { get; init; } = [];
    public bool Unique { get; init; }

    public static FieldConstraints None { get; } = new();
}

/// <summary>A named action on one entity (<c>rename</c>): the fields it changes and the event it emits, if any.</summary>
public sealed record ActionSpec(string Name, string? Description, IReadOnlyList<string> Fields, string? Emits);
