namespace Jiedan.Domain.Credibility.Trust;

/// <summary>A series of figures over gate runs: one label (the run's date) per value, oldest first.</summary>
public sealed record TrustSeries(string Name, string Unit, IReadOnlyList<DateTime> At, IReadOnlyList<double> Values);

/// <summary>
/// The history a trust page draws from a project's gate runs: the coverage trend, each benchmark's median over the
/// runs that measured it (the most often measured first, at most <see cref="MaxBenchmarks"/>) and the latest checklist.
/// </summary>
public sealed record TrustHistory(int Runs, int Passed, TrustSeries? Coverage, IReadOnlyList<TrustSeries> Benchmarks,
    GateRunFigures? Latest)
{
    public const int MaxBenchmarks = 6;

    public static TrustHistory From(IEnumerable<GateRunFigures> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var ordered = runs.OrderBy(r => r.AtUtc).ToList();
        var covered = ordered.Where(r => r.CoveragePercent is not null).ToList();
        var coverage = covered.Count == 0 ? null
            : new TrustSeries("coverage", "%", [.. covered.Select(r => r.AtUtc)], [.. covered.Select(r => r.CoveragePercent!.Value)]);
        var benchmarks = ordered
            .SelectMany(r => r.Benchmarks.Select(b => (Run: r, Bench: b)))
            .GroupBy(x => (x.Bench.Name, x.Bench.Unit))
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key.Name, StringComparer.Ordinal).ThenBy(g => g.Key.Unit, StringComparer.Ordinal)
            .Take(MaxBenchmarks)
            .Select(g => new TrustSeries(g.Key.Name, g.Key.Unit, [.. g.Select(x => x.Run.AtUtc)], [.. g.Select(x => x.Bench.Median)]))
            .ToList();
        return new TrustHistory(ordered.Count, ordered.Count(r => r.Passed), coverage, benchmarks, ordered.LastOrDefault());
    }
}
