using System.Diagnostics;

namespace Jiedan.Loc.Tests;

/// <summary>cloc's filters are regular expressions; a file built to make them backtrack is given up on, not waited for.</summary>
public class ClocFilterHostileTests
{
    [Fact]
    public void A_line_that_makes_cloc_filters_backtrack_is_skipped_within_the_time_limit()
    {
        using var tree = new TempTree();
        // Java's string filter (["'])(.*?/\*)\1 tries every quote against the rest of the line: quadratic on this 400 KB line.
        tree.Add("Hostile.java", string.Concat(Enumerable.Repeat("\"/*x", 100_000)) + "\n");
        tree.Add("Fine.java", "class Fine { }\n");

        var watch = Stopwatch.StartNew();
        var report = LocCounter.Count(tree.Root, LocOptions.LikeCloc, TestContext.Current.CancellationToken);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        var skipped = Assert.Single(report.Skipped, s => s.Path == "Hostile.java");
        Assert.Contains("time limit", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(report.Files).Lines.Code);
    }
}
