using Jiedan.Domain.Deals;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Deals.Storage;

/// <summary>
/// The synthetic demo portfolio (<see cref="DemoPortfolio"/>, every deal marked <c>IsDemo</c>): loaded into an empty database
/// by <c>jiedan serve --demo</c>, beside real deals by <c>jiedan demo add</c>, and deleted again, alone, by <c>jiedan demo remove</c>.
/// </summary>
public sealed class DemoSeeder(DealsDbContext db, PipelineSettings settings, TimeProvider clock)
{
    public const int PortfolioSize = 137;

    /// <summary>Loads the portfolio into an empty database; 0 (nothing loaded) when it holds any deal.</summary>
    public async Task<int> SeedIfEmptyAsync(CancellationToken ct, int count = PortfolioSize) =>
        await db.Deals.AnyAsync(ct) ? 0 : await SeedAsync(count, ct);

    /// <summary>Loads the portfolio beside any real deals; 0 (nothing loaded) when demo deals are there already.</summary>
    public async Task<int> SeedUnlessPresentAsync(CancellationToken ct, int count = PortfolioSize) =>
        await db.Deals.AnyAsync(d => d.IsDemo, ct) ? 0 : await SeedAsync(count, ct);

    /// <summary>The demo's external ids that real deals hold already (the column is unique, so the demo cannot load beside them).</summary>
    public async Task<IReadOnlyList<string>> ExternalIdsTakenAsync(CancellationToken ct, int count = PortfolioSize)
    {
        var demoIds = Enumerable.Range(1, count).Select(DemoPortfolio.ExternalIdOf).ToList();
        return await db.Deals.AsNoTracking().Where(d => !d.IsDemo && d.ExternalId != null && demoIds.Contains(d.ExternalId))
            .OrderBy(d => d.ExternalId).Select(d => d.ExternalId!).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<long>> DemoDealIdsAsync(CancellationToken ct) =>
        await db.Deals.AsNoTracking().Where(d => d.IsDemo).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);

    /// <summary>Deletes the demo deals with their stage events and spans, in one transaction; real deals are not touched.</summary>
    public async Task<DemoDealsRemoved> RemoveAsync(CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var spans = await db.StageSpans.Where(s => db.Deals.Any(d => d.Id == s.DealId && d.IsDemo)).ExecuteDeleteAsync(ct);
        var events = await db.StageEvents.Where(e => db.Deals.Any(d => d.Id == e.DealId && d.IsDemo)).ExecuteDeleteAsync(ct);
        var deals = await db.Deals.Where(d => d.IsDemo).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return new DemoDealsRemoved(deals, events, spans);
    }

    private async Task<int> SeedAsync(int count, CancellationToken ct)
    {
        var writer = new DealWriter(settings);
        var today = settings.Calendar.DateOf(clock.GetUtcNow());
        foreach (var demo in DemoPortfolio.Generate(today, settings.Calendar, settings.Stages, count))
        {
            var deal = writer.NewDeal(demo.Draft, demo.Events[0].At);
            foreach (var e in demo.Events) writer.Apply(deal, e.To, e.At, e.Actor, e.Reason);
            db.Deals.Add(deal);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return count;
    }
}

/// <summary>The demo deals deleted, with their stage events and spans.</summary>
public sealed record DemoDealsRemoved(int Deals, int StageEvents, int StageSpans)
{
    public int Rows => Deals + StageEvents + StageSpans;
}
