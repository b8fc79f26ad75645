using Jiedan.Domain.Contract;

namespace Jiedan.Contract.Services;

/// <summary>A stored requirement version with the contract regenerated from it (never stored: the YAML is the source).</summary>
public sealed record DealContract(RequirementVersion Requirement, ContractResult Contract);

/// <summary>The use case behind the API and the page: a deal's requirement saved as a new version, and read back as a contract.</summary>
public sealed class DealContracts(RequirementStore store, ContractBuilder builder)
{
    public const string FileName = "requirement.yml";

    public Task<bool> DealExistsAsync(long dealId, CancellationToken ct) => store.DealExistsAsync(dealId, ct);

    /// <summary>Reads, generates and proves the contract, then stores the YAML as the deal's next version.</summary>
    /// <exception cref="RequirementException">the YAML is not a valid requirement; nothing is stored.</exception>
    public async Task<DealContract> SaveAsync(long dealId, string yaml, string actor, CancellationToken ct)
    {
        var result = await builder.BuildAsync(yaml, FileName, ct);
        var version = await store.AddAsync(dealId, yaml, result.Requirement, actor, ct);
        return new(version, result);
    }

    /// <summary>The latest version (or version <paramref name="number"/>) with its contract; null when there is none.</summary>
    public async Task<DealContract?> FindAsync(long dealId, int? number, CancellationToken ct)
    {
        var version = await store.FindAsync(dealId, number, ct);
        return version is null ? null : new(version, await builder.BuildAsync(version.YamlText, FileName, ct));
    }

    public Task<IReadOnlyList<RequirementVersion>> HistoryAsync(long dealId, CancellationToken ct) => store.HistoryAsync(dealId, ct);
}
