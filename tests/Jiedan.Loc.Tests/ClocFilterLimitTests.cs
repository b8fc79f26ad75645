using System.Diagnostics;

namespace Jiedan.Loc.Tests;

/// <summary>A huge file of a language counted with cloc's filters (a string per line) is refused before it is turned into
/// strings; the same size in a language of the fast scanner is counted.</summary>
public class ClocFilterLimitTests
{
    [Fact]
    public void A_file_above_16_MiB_in_a_language_counted_with_cloc_filters_is_skipped_without_building_strings()
    {
        using var tree = new TempTree();
        var line = "x = 1 -- a Lua line\n";
        var big = string.Concat(Enumerable.Repeat(line, (17 << 20) / line.Length));
        tree.Add("big.lua", big);
        tree.Add("small.lua", line);
        tree.Add("big.go", big.Replace("--", "//", StringComparison.Ordinal));
        big = "";

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var report = LocCounter.Count(tree.Root, LocOptions.Default with { Parallelism = 1 }, TestContext.Current.CancellationToken);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var skipped = Assert.Single(report.Skipped, s => s.Path == "big.lua");
        Assert.Contains("16 MiB", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(["big.go", "small.lua"], report.Files.Select(f => f.Path));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        // two 17 MiB reads into pooled buffers; turning big.lua into strings would take several hundred MB
        Assert.True(allocated < 120L << 20, $"allocated {allocated >> 20} MiB");
    }
}
