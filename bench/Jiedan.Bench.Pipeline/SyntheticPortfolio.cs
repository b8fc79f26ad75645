using Jiedan.Deals.Storage;
using Jiedan.Domain.Deals;

namespace Jiedan.Bench.Pipeline;

/// <summary>
/// Deals for the benchmark: <see cref="DemoPortfolio"/>'s stage durations, loss rates and platforms, turned into rows by
/// the product's own <see cref="DealWriter"/>, so seeded deals, events and spans are exactly what the product would store.
/// Deterministic: deal number n is the same in every run.
/// </summary>
public sealed class SyntheticPortfolio(PipelineSettings settings, DateOnly today)
{
    public const int ChunkSize = 10_000;

    /// <summary>Deals number <paramref name="first"/>+1 … <paramref name="first"/>+<paramref name="count"/>, with ids set.</summary>
    public List<DealRecord> Deals(long first, int count)
    {
        var writer = new DealWriter(settings);
        var demos = DemoPortfolio.Generate(today, settings.Calendar, settings.Stages, count, seed: (int)(first / ChunkSize) + 1);
        var deals = new List<DealRecord>(count);
        for (var i = 0; i < demos.Count; i++)
        {
            var number = first + i + 1;
            var draft = demos[i].Draft with { ExternalId = $"bench-{number}", IsDemo = false, Notes = null };
            var deal = writer.NewDeal(draft, demos[i].Events[0].At);
            deal.Id = number;
            foreach (var e in demos[i].Events) writer.Apply(deal, e.To, e.At, "bench", e.Reason);
            deals.Add(deal);
        }
        return deals;
    }

    /// <summary>All <paramref name="total"/> deals in chunks, generated on every core while the caller writes.</summary>
    public IEnumerable<List<DealRecord>> Chunks(long total) =>
        Enumerable.Range(0, (int)((total + ChunkSize - 1) / ChunkSize))
            .AsParallel().AsOrdered().WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(c => Deals((long)c * ChunkSize, (int)Math.Min(ChunkSize, total - (long)c * ChunkSize)));
}
