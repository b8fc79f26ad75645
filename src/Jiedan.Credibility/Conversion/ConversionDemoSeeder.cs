using Jiedan.Credibility.Storage;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Credibility.Conversion;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Credibility.Conversion;

/// <summary>
/// Scores the demo portfolio's closed deals (and a few open ones) with synthetic, clearly marked scorings, so a new
/// installation's deal pages show the estimate and /conversion shows a fit.
/// </summary>
public sealed class ConversionDemoSeeder(ClosedDeals closed, ConversionService conversion, DealsDbContext deals,
    ConversionDbContext scores)
{
    public const int OpenDealsScored = 20;

    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var demo = (await deals.Deals.AsNoTracking().Where(d => d.IsDemo).Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        var random = new Random(24);
        var scored = 0;
        var closedDeals = (await closed.ListAsync(ct)).Where(d => demo.Contains(d.DealId)).OrderBy(d => d.DealId).ToList();
        foreach (var deal in closedDeals)
            if (await conversion.RecordAsync(deal.DealId, DemoScorings.For(deal.Won, random), ct) is not null) scored++;
        var closedIds = closedDeals.Select(d => d.DealId).ToHashSet();
        foreach (var open in demo.Where(id => !closedIds.Contains(id)).Order().Take(OpenDealsScored))
            if (await conversion.RecordAsync(open, DemoScorings.For(random.NextDouble() < 0.5, random), ct) is not null) scored++;
        return scored;
    }

    /// <summary>Deletes every scoring of the demo deals (the fitted weights stay: they are the user's decision).</summary>
    public async Task<int> RemoveAsync(IReadOnlyCollection<long> demoDealIds, CancellationToken ct)
    {
        var removed = 0;
        foreach (var chunk in demoDealIds.Chunk(500))
            removed += await scores.Scores.Where(s => chunk.Contains(s.DealId)).ExecuteDeleteAsync(ct);
        return removed;
    }
}
