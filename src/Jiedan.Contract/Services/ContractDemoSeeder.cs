using Jiedan.Contract.Storage;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Contract;
using Jiedan.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Contract.Services;

/// <summary>
/// Requirements on a few demo deals that got past the proposal (the first versions of a shop, a clinic, a fleet tracker, a
/// help desk and a CRM; the shop in two versions), so the deal page's contract and scaffold panels and /contract/{id} show
/// data from the first start. Written by <see cref="Actor"/>; removed with the demo deals they belong to.
/// </summary>
public sealed class ContractDemoSeeder(RequirementStore store, ContractDbContext db, DealsDbContext deals, PipelineSettings settings)
{
    public const string Actor = "demo";
    private static readonly string[] Samples = ["shop", "clinic", "fleet", "tickets", "crm"];

    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var demo = await deals.Deals.AsNoTracking().Where(d => d.IsDemo && d.Stage != PipelineStages.LostKey)
            .Select(d => new { d.Id, d.Stage }).ToListAsync(ct);
        var proposalIndex = Math.Min(2, settings.Stages.Ordered.Count - 1);
        var chosen = demo.Where(d => settings.Stages.IndexOf(d.Stage) >= proposalIndex)
            .OrderByDescending(d => settings.Stages.IndexOf(d.Stage)).ThenBy(d => d.Id).Take(Samples.Length).Select(d => d.Id).ToList();
        var saved = 0;
        foreach (var (dealId, sample) in chosen.Zip(Samples))
        {
            if (await db.RequirementVersions.AnyAsync(r => r.DealId == dealId, ct)) continue;
            var yaml = Read(sample);
            if (sample == "shop")
            {
                // An earlier draft first, so the history shows how the requirement grew.
                var draft = yaml.Replace("version: 1.4.2", "version: 1.3.0", StringComparison.Ordinal)
                    .Replace("      weight_kg: { type: number, minimum: 0, maximum: 1000 }\n", "", StringComparison.Ordinal);
                await store.AddAsync(dealId, draft, RequirementReader.Read(draft, DealContracts.FileName), Actor, ct);
                saved++;
            }
            await store.AddAsync(dealId, yaml, RequirementReader.Read(yaml, DealContracts.FileName), Actor, ct);
            saved++;
        }
        return saved;
    }

    /// <summary>Deletes every requirement version of the demo deals.</summary>
    public async Task<int> RemoveAsync(IReadOnlyCollection<long> demoDealIds, CancellationToken ct)
    {
        var removed = 0;
        foreach (var chunk in demoDealIds.Chunk(500))
            removed += await db.RequirementVersions.Where(r => chunk.Contains(r.DealId)).ExecuteDeleteAsync(ct);
        return removed;
    }

    private static string Read(string sample)
    {
        using var stream = typeof(ContractDemoSeeder).Assembly.GetManifestResourceStream($"demo/{sample}.yml")
            ?? throw new InvalidOperationException($"the demo requirement {sample}.yml is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
