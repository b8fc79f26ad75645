using System.Globalization;
using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.Benchmarks;

namespace Jiedan.Domain.Tests.Gate;

/// <summary>
/// The gate's benchmark comparison against golang.org/x/perf's benchmath (what benchstat prints): the expected values in
/// Gate/Samples/benchstat/*.csv were computed by benchmath itself (see the files' header), for every sample size from
/// 3 to 100, equal and unequal sizes, with and without ties, four shifts each: p to 4 decimals, the verdict ("~" or
/// "+x.xx%") and both medians' "± x%" intervals with their bounds.
/// </summary>
public sealed class BenchstatReferenceTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public sealed record Row(int N1, int N2, bool Ties, int Shift, double SumBaseline, double SumCurrent, string[] Expected);

    private static readonly Lazy<IReadOnlyList<Row>> Generated = new(() => Csv("generated.csv").Select(f => new Row(
        Int(f[0]), Int(f[1]), f[2] == "1", Int(f[3]), Number(f[4]), Number(f[5]), f[6..])).ToList());

    public static TheoryData<int> SampleSizes => new(Enumerable.Range(3, 98));

    [Theory]
    [MemberData(nameof(SampleSizes))]
    public void Equals_benchstat_for_every_case_of_a_sample_size(int n1)
    {
        var rows = Generated.Value.Where(r => r.N1 == n1).ToList();
        Assert.Equal(16, rows.Count); // (n, n) and (n, m) × ties or not × four shifts
        foreach (var r in rows)
        {
            var (baseline, current) = (Baseline(r), Current(r));
            Assert.Equal(r.SumBaseline, baseline.Sum());
            Assert.Equal(r.SumCurrent, current.Sum());
            var mismatches = Mismatches(BenchComparison.Row("pkg", "BenchmarkX", "sec/op", baseline, current, 0.05), 0.05, r.Expected);
            Assert.True(mismatches.Count == 0, $"n1={r.N1} n2={r.N2} ties={r.Ties} shift={r.Shift}: {string.Join("; ", mismatches)}");
        }
    }

    [Fact]
    public void Covers_ties_beyond_25_totals_beyond_50_and_both_verdicts()
    {
        var rows = Generated.Value;
        Assert.Equal(1568, rows.Count);
        Assert.Contains(rows, r => r.Ties && r.N1 > MannWhitneyU.ExactLimitWithTies);
        Assert.Contains(rows, r => !r.Ties && r.N1 + r.N2 > 50 && r.N1 <= 50 && r.N2 <= 50); // exact in benchstat
        Assert.Contains(rows, r => !r.Ties && r.N1 > MannWhitneyU.ExactLimit);
        Assert.InRange(rows.Count(r => r.Expected[2] == "~"), 100, 1468);
        Assert.Contains(rows, r => r.Expected[5] != r.Expected[4] && Bounded(r.Expected[5]) && Asymmetric(r));
    }

    public static TheoryData<string> SpecialCases => new(Csv("special.csv").Select(f => f[0]));

    [Theory]
    [MemberData(nameof(SpecialCases))]
    public void Equals_benchstat_on_hand_picked_cases(string name)
    {
        var f = Csv("special.csv").Single(f => f[0] == name);
        var alpha = Number(f[1]);
        var row = BenchComparison.Row("pkg", "BenchmarkX", "sec/op", Values(f[2]), Values(f[3]), alpha);
        var mismatches = Mismatches(row, alpha, f[4..]);
        Assert.True(mismatches.Count == 0, string.Join("; ", mismatches));
    }

    [Fact]
    public void A_p_value_exactly_at_alpha_is_significant_and_a_20_percent_regression_fails_a_10_percent_limit()
    {
        // benchstat prints "~" only when p > α. For 3 against 3 fully apart benchmath's p is the double 0.10000000000000002
        // (its recurrence does not land on 0.1), so at α = 0.1 benchstat says "~" and at α = that p it says +19.80%.
        var p = MannWhitneyU.Test([100, 101, 102], [120, 121, 122]).PValue;
        Assert.Equal(0.10000000000000002, p);
        var atP = BenchComparison.Row("pkg", "BenchmarkX", "sec/op", [100, 101, 102], [120, 121, 122], alpha: p);
        Assert.Equal("+19.80%", atP.Display);
        Assert.Equal("~", BenchComparison.Row("pkg", "BenchmarkX", "sec/op", [100, 101, 102], [120, 121, 122], alpha: 0.1).Display);
        Assert.True(BenchComparison.IsSignificant(0.05, 0.05));
        Assert.False(BenchComparison.IsSignificant(Math.BitIncrement(0.05), 0.05));
    }

    private static List<string> Mismatches(BenchDelta row, double alpha, string[] e)
    {
        var problems = new List<string>();
        void Check(string what, string expected, string actual)
        {
            if (expected != actual) problems.Add($"{what}: benchstat {expected}, gate {actual}");
        }
        Check("p4", e[0], GoFixedFormat.Format(row.PValue, 4));
        var p = Number(e[1]);
        if (Math.Abs(row.PValue - p) > 1e-12 * Math.Max(1, p)) problems.Add($"p: benchstat {e[1]}, gate {row.PValue.ToString("R", Inv)}");
        if (BenchComparison.IsSignificant(p, alpha) != row.Significant) problems.Add($"verdict at alpha {alpha}");
        Check("delta", e[2], row.Display);
        Check("base median", e[3], Go(row.Baseline.Median));
        Check("base low", e[4], Go(row.Baseline.Low));
        Check("base high", e[5], Go(row.Baseline.High));
        Check("base range", e[6], row.Baseline.RangeDisplay);
        Check("current median", e[7], Go(row.Current.Median));
        Check("current low", e[8], Go(row.Current.Low));
        Check("current high", e[9], Go(row.Current.High));
        Check("current range", e[10], row.Current.RangeDisplay);
        return problems;
    }

    private static double[] Baseline(Row r) => Enumerable.Range(0, r.N1).Select(i => r.Ties
        ? 10000 + 20 * ((37 * i + 11 * r.N1) % 7)
        : 10000 + 2 * ((37 * i + 11 * r.N1) % 101)).Select(v => (double)v).ToArray();

    private static double[] Current(Row r) => Enumerable.Range(0, r.N2).Select(j => r.Ties
        ? 10000 + 20 * r.Shift + 20 * ((53 * j + 7 * r.N1) % 7)
        : 10000 + 2 * r.Shift + 1 + 2 * ((53 * j + 7 * r.N1) % 101)).Select(v => (double)v).ToArray();

    private static bool Bounded(string value) => !value.EndsWith("Inf", StringComparison.Ordinal);

    private static bool Asymmetric(Row r)
    {
        var sorted = Baseline(r).Order().ToArray();
        var lowOrder = Array.IndexOf(sorted, Number(r.Expected[4])) + 1;
        var highOrder = Array.LastIndexOf(sorted, Number(r.Expected[5])) + 1;
        return !r.Ties && lowOrder + highOrder != r.N1 + 1;
    }

    /// <summary>Go's <c>strconv.FormatFloat(x, 'g', -1, 64)</c> for the values in these tables (integers, halves, ±Inf).</summary>
    private static string Go(double value) => double.IsInfinity(value) ? (value > 0 ? "+Inf" : "-Inf") : value.ToString("R", Inv);

    private static double Number(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, Inv),
    };

    private static int Int(string text) => int.Parse(text, Inv);

    private static double[] Values(string text) => text.Split(' ').Select(Number).ToArray();

    private static IEnumerable<string[]> Csv(string name) => File.ReadLines(Sample.Path(Path.Combine("benchstat", name)))
        .Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split(','));
}
