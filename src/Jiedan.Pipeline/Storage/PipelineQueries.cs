using Jiedan.Deals.Storage;
using Jiedan.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Pipeline.Storage;

/// <summary>
/// Builds the pipeline report with a handful of GROUP BY queries, so its cost grows with the number of distinct
/// (stage, entered day, left day) triples rather than with the number of deals.
/// </summary>
public sealed class PipelineQueries(DealsDbContext db, PipelineSettings settings, TimeProvider clock)
{
    public async Task<PipelineReport> ReportAsync(DealQuery query, CancellationToken ct, int rottingLimit = 50)
    {
        var asOf = settings.Calendar.DateOf(clock.GetUtcNow());
        var facts = await FactsAsync(query, ct);
        var report = new PipelineAnalyzer(settings.Stages, settings.Calendar).Analyze(facts, asOf);
        return report with { Rotting = await RottingAsync(query, report, rottingLimit, ct) };
    }

    public async Task<PipelineFacts> FactsAsync(DealQuery query, CancellationToken ct)
    {
        var spans = db.StageSpans.AsNoTracking();
        if (query.Platform is not null) spans = spans.Where(s => s.Platform == query.Platform);
        if (query.Category is not null) spans = spans.Where(s => s.Category == query.Category);
        if (query.Seniority is not null) spans = spans.Where(s => s.Seniority == query.Seniority);
        if (query.From is { } from) spans = spans.Where(s => s.LeadDay >= from.DayNumber);
        if (query.To is { } to) spans = spans.Where(s => s.LeadDay < to.DayNumber);

        var grouped = await spans.GroupBy(s => new { s.Stage, s.EnteredDay, s.LeftDay })
            .Select(g => new { g.Key.Stage, g.Key.EnteredDay, g.Key.LeftDay, Count = g.LongCount() }).ToListAsync(ct);

        var deals = DealStore.Filter(db.Deals.AsNoTracking(), query);
        // One pass over deals for three counts; grouping by the raw columns keeps it in IX_deals_report's order.
        var dealGroups = await deals.GroupBy(d => new { d.FurthestStageIndex, d.Bottleneck, d.Stage })
            .Select(g => new { g.Key.FurthestStageIndex, g.Key.Bottleneck, g.Key.Stage, Count = g.LongCount() }).ToListAsync(ct);
        var furthest = dealGroups.GroupBy(d => d.FurthestStageIndex).Select(g => new { Index = g.Key, Count = g.Sum(d => d.Count) })
            .ToList();
        var bottlenecks = dealGroups.Where(d => d.Bottleneck != null).GroupBy(d => d.Bottleneck!, StringComparer.Ordinal)
            .Select(g => new { Stage = g.Key, Count = g.Sum(d => d.Count) }).ToList();
        var lost = dealGroups.Where(d => d.Stage == PipelineStages.LostKey).Sum(d => d.Count);

        var signedKey = settings.Stages.Ordered.FirstOrDefault(s => s.Key == "Signed")?.Key ?? settings.Stages.Last.Key;
        var signatures = await spans.Where(s => s.Stage == signedKey).GroupBy(s => new { s.LeadDay, s.EnteredDay })
            .Select(g => new { g.Key.LeadDay, g.Key.EnteredDay, Count = g.LongCount() }).ToListAsync(ct);

        var total = furthest.Sum(f => f.Count);
        return new PipelineFacts(
            grouped.Select(g => new SpanFact(g.Stage, DateOnly.FromDayNumber(g.EnteredDay), g.LeftDay is { } l
                ? DateOnly.FromDayNumber(l) : null, g.Count)).ToList(),
            furthest.Where(f => f.Index >= 0 && f.Index < settings.Stages.Ordered.Count)
                .ToDictionary(f => settings.Stages.Ordered[f.Index].Key, f => f.Count),
            signatures.Select(s => new SignFact(DateOnly.FromDayNumber(s.LeadDay), DateOnly.FromDayNumber(s.EnteredDay), s.Count)).ToList(),
            bottlenecks.ToDictionary(b => b.Stage, b => b.Count),
            total,
            lost);
    }

    private async Task<IReadOnlyList<RottingDeal>> RottingAsync(DealQuery query, PipelineReport report, int limit, CancellationToken ct)
    {
        var result = new List<RottingDeal>();
        foreach (var stage in report.Stages.Where(s => s.RottingEnteredOnOrBefore is not null))
        {
            var cutoff = stage.RottingEnteredOnOrBefore!.Value.DayNumber;
            var key = stage.Stage.Key;
            var deals = DealStore.Filter(db.Deals.AsNoTracking(), query with { Stage = key });
            var idle = await deals.Join(db.StageSpans.Where(s => s.Stage == key && s.LeftDay == null && s.EnteredDay <= cutoff), d => d.Id,
                s => s.DealId,
                    (d, s) => new { d.Id, d.Client, s.EnteredDay })
                .OrderBy(x => x.EnteredDay).Take(limit).ToListAsync(ct);
            result.AddRange(idle.Select(x =>
            {
                var entered = DateOnly.FromDayNumber(x.EnteredDay);
                return new RottingDeal(x.Id, x.Client, key, entered, settings.Calendar.BusinessDaysBetween(entered, report.AsOf),
                    stage.Durations.P90);
            }));
        }
        return result.OrderByDescending(r => r.IdleBusinessDays - r.StageP90).Take(limit).ToList();
    }
}
