using System.Text;
using Jiedan.Domain.Contract;
using Jiedan.Domain.Gate.ApiDocs;

namespace Jiedan.Contract.Services;

/// <summary>
/// The routes a deal's latest contract promised, read from the OpenAPI document the contract generates by the gate's
/// own OpenAPI reader: the delivery gate checks that the delivered document describes every one of them.
/// </summary>
public sealed class PromisedRoutes(RequirementStore store)
{
    /// <summary>Null when the deal has no contract (the gate then checks only what the project serves).</summary>
    public async Task<IReadOnlyList<ServedRoute>?> ForDealAsync(long dealId, CancellationToken ct)
    {
        if (await store.LatestAsync(dealId, ct) is not { } latest) return null;
        var contract = ContractGenerator.Generate(RequirementReader.Read(latest.YamlText, DealContracts.FileName));
        await using var openApi = new MemoryStream(Encoding.UTF8.GetBytes(contract.OpenApiYaml));
        var promised = await OpenApiCompleteness.ParseAsync(openApi, contract.OpenApiFileName, ct);
        return promised.Operations.Select(o => new ServedRoute(o.Method, o.Path)).ToList();
    }
}
