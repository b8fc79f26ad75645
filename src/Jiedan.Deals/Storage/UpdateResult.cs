using Jiedan.Domain.Deals;

namespace Jiedan.Deals.Storage;

/// <summary>What happened to a requested edit. Exactly one of the cases applies.</summary>
public abstract record UpdateResult
{
    /// <summary>Applied; <paramref name="Changes"/> is empty when the edit changed nothing (then nothing was written).</summary>
    public sealed record Updated(DealRecord Deal, IReadOnlyList<DealFieldChange> Changes) : UpdateResult;
    public sealed record NotFound : UpdateResult;
    public sealed record Stale(int CurrentVersion) : UpdateResult;
    /// <summary>Refused, errors keyed by field; nothing was written.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : UpdateResult;
}
