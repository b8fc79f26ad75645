using Jiedan.Domain.Contract;

namespace Jiedan.Contract.Parity;

/// <summary>
/// The field-by-field comparison of a contract's two files. <see cref="Differences"/> are errors (a constraint one side
/// states and the other does not, or states differently); <see cref="Carried"/> lists what neither format can state as a
/// rule and both carry as a documented extension (OpenAPI <c>x-</c> key, proto comment).
/// </summary>
public sealed record ParityReport(IReadOnlyList<FieldParity> Fields, IReadOnlyList<string> Carried, IReadOnlyList<string> Differences)
{
    public bool Complete => Differences.Count == 0;
}

/// <summary>One compared field: the constraints both sides agree on (or the proto's, when they differ).</summary>
public sealed record FieldParity(string Message, string Field, string Constraints, bool Same);
