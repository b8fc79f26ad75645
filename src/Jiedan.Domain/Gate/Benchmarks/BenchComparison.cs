namespace Jiedan.Domain.Gate.Benchmarks;

/// <summary>One benchmark and unit, baseline against current, as a benchstat row.</summary>
public sealed record BenchDelta(
    string Package, string Name, string Unit, SampleSummary Baseline, SampleSummary Current, double DeltaPercent, double PValue,
        bool Significant)
{
    /// <summary>Time, bytes and allocations per op are better lower; throughput units (…/s) are better higher.</summary>
    public bool HigherIsBetter => Unit.EndsWith("/s", StringComparison.Ordinal);

    /// <summary>How much worse, in percent (negative when better); only meaningful when significant.</summary>
    public double WorsePercent => HigherIsBetter ? -DeltaPercent : DeltaPercent;

    /// <summary>"+12.34%", "-3.10%" or "~" when the difference is not significant, as benchstat prints it.</summary>
    public string Display => Significant ? $"{DeltaPercent:+0.00;-0.00;0.00}%" : "~";

    public bool IsTime => Unit is "ns/op" or "sec/op";
}

/// <summary>Compares current benchmark results with a baseline the way benchstat does.</summary>
public static class BenchComparison
{
    public static IReadOnlyList<BenchDelta> Compare(IReadOnlyList<BenchmarkSamples> baseline, IReadOnlyList<BenchmarkSamples> current,
        double alpha = 0.05)
    {
        var before = baseline.ToDictionary(b => (b.Package, b.Name));
        var rows = new List<BenchDelta>();
        foreach (var now in current)
        {
            if (!before.TryGetValue((now.Package, now.Name), out var then)) continue;
            foreach (var (unit, values) in now.ValuesByUnit)
            {
                if (!then.ValuesByUnit.TryGetValue(unit, out var old)) continue;
                var a = SampleStatistics.Summarize(old);
                var b = SampleStatistics.Summarize(values);
                var test = MannWhitneyU.Test(old, values);
                var delta = a.Median == 0 ? 0 : (b.Median - a.Median) / Math.Abs(a.Median) * 100;
                rows.Add(new BenchDelta(now.Package, now.Name, unit, a, b, delta, test.PValue, test.PValue < alpha));
            }
        }
        return rows;
    }
}
