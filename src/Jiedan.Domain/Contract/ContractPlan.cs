namespace Jiedan.Domain.Contract;

/// <summary>
/// What both writers emit, decided once: every message (entity, event, request, response) with its fields in field-number
/// order, every enum, every operation with its HTTP route. The proto and OpenAPI writers only render this, and the parity
/// check compares each side against it, so the two outputs cannot disagree on shape by construction.
/// </summary>
public sealed record ContractPlan(
    RequirementDocument Requirement,
    string Package,
    string ServiceName,
    IReadOnlyList<PlannedMessage> Messages,
    IReadOnlyList<PlannedEnumeration> Enums,
    IReadOnlyList<PlannedRpc> Rpcs)
{
    public PlannedMessage Message(string name) => Messages.First(m => m.Name == name);

    /// <summary>The messages that are also OpenAPI component schemas, and so compared field by field.</summary>
    public IEnumerable<PlannedMessage> Schemas => Messages.Where(m => m.Role is not MessageRole.Rpc);
}

public enum MessageRole
{
    /// <summary>An entity: <c>components.schemas.User</c>.</summary>
    Entity,
    /// <summary>An event an action emits.</summary>
    Event,
    /// <summary>A request body (update, action): the <c>id</c> field travels in the URL path.</summary>
    Body,
    /// <summary>A page of a list operation.</summary>
    Page,
    /// <summary>Only in the proto (get/delete requests, responses wrapping one entity).</summary>
    Rpc,
}

public sealed record PlannedMessage(string Name, MessageRole Role, string Entity, string? Description, IReadOnlyList<PlannedField> Fields);

/// <summary>A field of a planned message. <see cref="EnumName"/> names the proto enum of an enum field or enum list.</summary>
public sealed record PlannedField(
    string Name,
    string? Description,
    FieldType Type,
    FieldConstraints Constraints,
    string? Example = null,
    bool ReadOnly = false,
    bool InPath = false,
    string? EnumName = null);

public sealed record PlannedEnumeration(string Name, IReadOnlyList<string> Values)
{
    /// <summary>The proto value name: <c>UserStatus</c>, <c>active</c> → <c>USER_STATUS_ACTIVE</c>.</summary>
    public string ProtoValue(string value) => $"{Naming.ToUpperSnake(Name)}_{value.ToUpperInvariant()}";

    public string ZeroValue => $"{Naming.ToUpperSnake(Name)}_UNSPECIFIED";
}

public sealed record PlannedRpc(
    string Name,
    string Request,
    string Response,
    string Entity,
    string HttpMethod,
    string Path,
    string? Body,
    string Summary,
    string? Emits);
