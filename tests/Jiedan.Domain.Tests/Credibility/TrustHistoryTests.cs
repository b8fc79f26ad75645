using Jiedan.Domain.Credibility.Trust;

namespace Jiedan.Domain.Tests.Credibility;

public sealed class TrustHistoryTests
{
    private static DateTime Day(int d) => new(2026, 11, d, 9, 0, 0, DateTimeKind.Utc);

    private static GateRunFigures Run(int day, bool passed, double? coverage, params BenchmarkFigure[] benchmarks) =>
        new(Day(day), passed, coverage, benchmarks, [new ChecklistLine("coverage", "Coverage", "覆盖率", $"{coverage}%", "≥ 80%", "pass")]);

    [Fact]
    public void Runs_are_drawn_oldest_first_and_each_benchmark_only_over_the_runs_that_measured_it()
    {
        var history = TrustHistory.From(
        [
            Run(3, true, 82.5, new BenchmarkFigure("BenchmarkCart", "sec/op", 2.1e-6)),
            Run(1, false, 71, new BenchmarkFigure("BenchmarkCart", "sec/op", 2.4e-6), new BenchmarkFigure("BenchmarkTotal", "B/op", 64)),
            Run(2, true, null, new BenchmarkFigure("BenchmarkCart", "sec/op", 2.2e-6)),
        ]);

        Assert.Equal((3, 2), (history.Runs, history.Passed));
        Assert.Equal([Day(1), Day(3)], history.Coverage!.At);
        Assert.Equal([71, 82.5], history.Coverage.Values);
        Assert.Equal(["BenchmarkCart", "BenchmarkTotal"], history.Benchmarks.Select(b => b.Name));
        Assert.Equal([2.4e-6, 2.2e-6, 2.1e-6], history.Benchmarks[0].Values);
        Assert.Equal([Day(1)], history.Benchmarks[1].At);
        Assert.Equal(Day(3), history.Latest!.AtUtc);
    }

    [Fact]
    public void At_most_six_benchmarks_are_drawn_the_most_often_measured_first()
    {
        var runs = Enumerable.Range(1, 8).Select(i => Run(i, true, 80,
            [.. Enumerable.Range(i, 9 - i).Select(n => new BenchmarkFigure($"B{n}", "sec/op", n))])).ToList();
        var history = TrustHistory.From(runs);
        Assert.Equal(TrustHistory.MaxBenchmarks, history.Benchmarks.Count);
        Assert.Equal(["B8", "B7", "B6", "B5", "B4", "B3"], history.Benchmarks.Select(b => b.Name));
    }

    [Fact]
    public void No_runs_no_series() => Assert.Equivalent(new TrustHistory(0, 0, null, [], null), TrustHistory.From([]));

    [Theory]
    [InlineData("orders-api", true)]
    [InlineData("a1", true)]
    [InlineData("a", false)]
    [InlineData("-orders", false)]
    [InlineData("orders-", false)]
    [InlineData("Orders", false)]
    [InlineData("../admin", false)]
    [InlineData("orders api", false)]
    public void Slugs_are_lower_case_words_joined_by_hyphens(string slug, bool valid) => Assert.Equal(valid, TrustSlug.IsValid(slug));

    [Fact]
    public void The_ci_pass_rate_meets_the_threshold_at_92_percent()
    {
        var at = Day(1);
        Assert.True(new CiPassRate(46, 50, at).MeetsThreshold);
        Assert.False(new CiPassRate(45, 50, at).MeetsThreshold);
        Assert.False(new CiPassRate(0, 0, at).MeetsThreshold);
    }
}
