using System.Globalization;

namespace Jiedan.Domain.Gate.Benchmarks;

/// <summary>One benchmark and unit, baseline against current, as a benchstat row.</summary>
public sealed record BenchDelta(
    string Package, string Name, string Unit, SampleSummary Baseline, SampleSummary Current, double DeltaPercent, double PValue,
        bool Significant)
{
    /// <summary>Time, bytes and allocations per op are better lower; throughput units (…/s) are better higher.</summary>
    public bool HigherIsBetter => Unit.EndsWith("/s", StringComparison.Ordinal);

    /// <summary>
    /// How much worse, in percent (negative when better); only meaningful when significant. From a zero baseline any
    /// move is unbounded (benchstat prints "?"): +∞ when it got worse, −∞ when better.
    /// </summary>
    public double WorsePercent => Baseline.Median == 0 && Current.Median != 0
        ? (Current.Median > 0 != HigherIsBetter ? double.PositiveInfinity : double.NegativeInfinity)
        : HigherIsBetter ? -DeltaPercent : DeltaPercent;

    /// <summary>
    /// The delta column exactly as benchstat prints it: "~" when not significant, "0.00%" for equal medians, "?" for
    /// a zero baseline, else <c>%+.2f%%</c> of (current / baseline − 1) · 100.
    /// </summary>
    public string Display => !Significant ? "~"
        : Baseline.Median == Current.Median ? "0.00%"
        : Baseline.Median == 0 ? "?"
        : GoFixedFormat.Format(DeltaPercent, 2, plusSign: true) + "%";

    /// <summary>benchstat's "(p=0.008 n=5)" or "(p=0.008 n=5+6)"; a p of exactly 0 is left out, as benchstat does.</summary>
    public string Evidence
    {
        get
        {
            var p = PValue != 0 ? "p=" + GoFixedFormat.Format(PValue, 3) + " " : "";
            var n = Baseline.Count == Current.Count
                ? Baseline.Count.ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{Baseline.Count}+{Current.Count}");
            return $"({p}n={n})";
        }
    }

    public bool IsTime => Unit is "ns/op" or "sec/op";
}

/// <summary>Compares current benchmark results with a baseline the way benchstat does (benchmath, assume=nothing).</summary>
public static class BenchComparison
{
    /// <summary>benchstat's rule: a difference is significant unless p &gt; α, so p exactly equal to α counts.</summary>
    public static bool IsSignificant(double pValue, double alpha) => !(pValue > alpha);

    public static IReadOnlyList<BenchDelta> Compare(IReadOnlyList<BenchmarkSamples> baseline, IReadOnlyList<BenchmarkSamples> current,
        double alpha = 0.05, double confidence = 0.95)
    {
        var before = baseline.ToDictionary(b => (b.Package, b.Name));
        var rows = new List<BenchDelta>();
        foreach (var now in current)
        {
            if (!before.TryGetValue((now.Package, now.Name), out var then)) continue;
            foreach (var (unit, values) in now.ValuesByUnit)
            {
                if (!then.ValuesByUnit.TryGetValue(unit, out var old)) continue;
                rows.Add(Row(now.Package, now.Name, unit, old, values, alpha, confidence));
            }
        }
        return rows;
    }

    public static BenchDelta Row(string package, string name, string unit, IReadOnlyList<double> baseline,
        IReadOnlyList<double> current, double alpha = 0.05, double confidence = 0.95)
    {
        var a = SampleStatistics.Summarize(baseline, confidence);
        var b = SampleStatistics.Summarize(current, confidence);
        var test = MannWhitneyU.Test(baseline, current);
        // A zero baseline has no percentage (benchstat prints "?"; see WorsePercent); 0 keeps reports finite.
        var delta = a.Median == b.Median || a.Median == 0 ? 0 : (b.Median / a.Median - 1.0) * 100.0;
        return new BenchDelta(package, name, unit, a, b, delta, test.PValue, IsSignificant(test.PValue, alpha));
    }
}
