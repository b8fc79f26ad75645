using Jiedan.Domain.Deals;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Deals.Storage;

/// <summary>Loads the synthetic demo portfolio into an empty database (never into one that has real deals).</summary>
public sealed class DemoSeeder(DealsDbContext db, PipelineSettings settings, TimeProvider clock)
{
    public async Task<int> SeedIfEmptyAsync(CancellationToken ct, int count = 137)
    {
        if (await db.Deals.AnyAsync(ct)) return 0;
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
