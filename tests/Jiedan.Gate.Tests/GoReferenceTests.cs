using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jiedan.Domain.Gate.Benchmarks;
using Jiedan.Domain.Gate.Coverage;
using Jiedan.Domain.Gate.Testing;

namespace Jiedan.Gate.Tests;

/// <summary>Jiedan's readings of real Go reports against Go's own figures for the same run.</summary>
public sealed class GoReferenceTests(GoFixture go)
{
    [Fact]
    public void Coverage_total_equals_go_tool_cover_func()
    {
        go.RequireGo();
        using var profile = File.OpenRead(go.CoverProfile);
        var summary = GoCoverageProfile.Summarize([(profile, "cover.out")]);
        var total = Regex.Match(go.CoverFunc, @"^total:\s+\(statements\)\s+(\S+)$", RegexOptions.Multiline).Groups[1].Value;
        Assert.Equal(total, summary.Display);
        // The fixture leaves code untested on purpose, so the figure is a real fraction.
        Assert.InRange(summary.Percent, 1, 99);
    }

    [Fact]
    public void Coverage_per_package_equals_go_test_cover()
    {
        go.RequireGo();
        // go test prints "coverage: 52.2% of statements" per package; test2json carries it in Output events.
        var printed = new Dictionary<string, string>();
        foreach (var line in File.ReadLines(go.TestJson))
        {
            using var e = JsonDocument.Parse(line);
            if (e.RootElement.TryGetProperty("Output", out var output) &&
                Regex.Match(output.GetString()!, @"coverage: (\S+) of statements") is { Success: true } m)
                printed[e.RootElement.GetProperty("Package").GetString()!] = m.Groups[1].Value;
        }
        using var profile = File.OpenRead(go.CoverProfile);
        var summary = GoCoverageProfile.Summarize([(profile, "cover.out")]);
        Assert.Equal(printed.Keys.Order(), summary.Packages.Select(p => p.Package));
        foreach (var p in summary.Packages)
            Assert.Equal(printed[p.Package], CoveragePercent.Format(p.Covered, p.Statements));
    }

    [Fact]
    public void Test_counts_equal_the_testing_packages_own_verdict_lines()
    {
        go.RequireGo();
        var verdicts = new Dictionary<string, int> { ["PASS"] = 0, ["FAIL"] = 0, ["SKIP"] = 0 };
        foreach (var line in File.ReadLines(go.TestJson))
        {
            using var e = JsonDocument.Parse(line);
            if (e.RootElement.TryGetProperty("Output", out var output) &&
                Regex.Match(output.GetString()!, @"^\s*--- (PASS|FAIL|SKIP):") is { Success: true } m)
                verdicts[m.Groups[1].Value]++;
        }
        using var reader = new StreamReader(go.TestJson);
        var r = GoTestJson.Parse(reader, "test.json");
        Assert.Equal((verdicts["PASS"], verdicts["FAIL"], verdicts["SKIP"], 0), (r.Passed, r.Failed, r.Skipped, r.Flaky));
        Assert.True(r.Passed > 0 && r.Skipped == 1);
    }

    [Fact]
    public void A_test_that_fails_then_passes_is_flaky()
    {
        go.RequireGo();
        using var reader = new StreamReader(go.FlakyJson);
        var r = GoTestJson.Parse(reader, "flaky.json");
        var flaky = Assert.Single(r.Tests, t => t.Status == TestStatus.Flaky);
        Assert.Equal(("example.com/goshop/cart", "TestFlaky"), (flaky.Package, flaky.Test));
        Assert.Equal(0, r.Failed);
    }

    [Fact]
    public void Benchmark_output_is_read_with_every_sample_and_a_real_slowdown_is_significant()
    {
        go.RequireGo();
        using var baseReader = new StreamReader(go.BenchBaseline);
        using var slowReader = new StreamReader(go.BenchSlow);
        var baseline = GoBenchOutput.Parse(baseReader, "bench-baseline.txt");
        var slow = GoBenchOutput.Parse(slowReader, "bench-slow.txt");
        // `go test -list` names the benchmarks; -count 6 gives six samples of each.
        var listed = go.BenchList.Split('\n').Where(l => l.StartsWith("BenchmarkReverse", StringComparison.Ordinal)).ToList();
        var reverse = Assert.Single(baseline);
        Assert.StartsWith(Assert.Single(listed), reverse.Name, StringComparison.Ordinal);
        Assert.Equal(6, reverse.ValuesByUnit["ns/op"].Count);
        var rows = BenchComparison.Compare(baseline, slow);
        var time = Assert.Single(rows, r => r.Unit == "ns/op");
        // Twenty times the work, each sample 100,000 calls long, so even a loaded machine keeps the two sets apart:
        // 6 against 6 fully separated gives p = 2/924, well under the 10% limit.
        Assert.True(time.Significant, $"p={time.PValue.ToString(CultureInfo.InvariantCulture)}");
        Assert.True(time.DeltaPercent > 50, time.Display);
    }
}
