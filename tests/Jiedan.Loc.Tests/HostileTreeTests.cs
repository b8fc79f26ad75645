using System.Diagnostics;

namespace Jiedan.Loc.Tests;

/// <summary>Trees built to hurt the counter: FIFOs, huge sparse files, links to devices and out of the tree.</summary>
public class HostileTreeTests
{
    private const string GoFile = "package main\n\nfunc main() {}\n";

    private static LocReport Count(TempTree tree, LocOptions? options = null) =>
        LocCounter.Count(tree.Root, options ?? LocOptions.Default, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_fifo_is_skipped_as_not_a_regular_file_without_hanging()
    {
        using var tree = new TempTree().Add("main.go", GoFile).AddFifo("pipe.go").AddFifo("sub/plain-pipe");

        // A walk that blocks on the FIFO fails here with a TimeoutException instead of hanging the suite.
        var report = await Task.Run(() => Count(tree)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["main.go"], report.Files.Select(f => f.Path));
        Assert.Equal("not a regular file (a FIFO)", Assert.Single(report.Skipped, s => s.Path == "pipe.go").Reason);
    }

    [Fact]
    public async Task A_fifo_or_a_device_named_as_the_root_is_skipped_without_being_opened()
    {
        using var tree = new TempTree().AddFifo("pipe.go").AddLink("zero.go", "/dev/zero");

        // Opening the FIFO for reading (even without O_NONBLOCK) would wait for a writer: a TimeoutException here, not a hang.
        var fifo = await Task.Run(() => LocCounter.Count(Path.Combine(tree.Root, "pipe.go"), LocOptions.Default))
            .WaitAsync(TimeSpan.FromSeconds(10));
        var device = LocCounter.Count(Path.Combine(tree.Root, "zero.go"), LocOptions.Default);

        Assert.Empty(fifo.Files);
        Assert.Equal("not a regular file (a FIFO)", Assert.Single(fifo.Skipped).Reason);
        Assert.Empty(device.Files);
        Assert.Equal("not a regular file (a character device)", Assert.Single(device.Skipped).Reason);
    }

    [Fact]
    public void A_2_GiB_sparse_file_is_skipped_by_size_without_being_read()
    {
        using var tree = new TempTree().Add("main.go", GoFile).AddSparse("huge.go", 2L << 30);
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var report = Count(tree);

        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 64 << 20);
        Assert.Equal("larger than --max-file-size (100 MiB)", Assert.Single(report.Skipped, s => s.Path == "huge.go").Reason);
    }

    [Fact]
    public void A_large_sparse_file_under_a_raised_cap_is_found_binary_from_its_head()
    {
        using var tree = new TempTree().AddSparse("big.go", 200L << 20);
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var report = Count(tree, LocOptions.Default with { MaxFileBytes = 1L << 30 });

        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 64 << 20);
        Assert.Equal("binary", Assert.Single(report.Skipped).Reason);
    }

    [Fact]
    public void A_gitignore_linked_to_dev_zero_is_reported_not_read()
    {
        using var tree = new TempTree().Add("main.go", GoFile).AddLink(".gitignore", "/dev/zero").AddLink("zero.go", "/dev/zero");
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var report = Count(tree);

        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 64 << 20);
        Assert.Equal(["main.go"], report.Files.Select(f => f.Path));
        Assert.Contains(report.Skipped, s =>
            s.Path.Contains(".gitignore: ignore file not read (not a regular file (a character device))", StringComparison.Ordinal));
        Assert.Equal("symbolic link to outside the tree (not followed)", Assert.Single(report.Skipped, s => s.Path == "zero.go").Reason);
    }

    [Fact]
    public void A_link_out_of_the_tree_is_not_followed_but_a_link_inside_is_counted_as_cloc_does()
    {
        using var outside = new TempTree().Add("secret.go", GoFile + "var secret = 1\n");
        using var tree = new TempTree()
            .Add("main.go", GoFile + "var x = 1\n")
            .AddLink("leak.go", Path.Combine(outside.Root, "secret.go"))
            .AddLink("alias.go", "main.go")
            .AddLink("outdir", outside.Root);

        var report = Count(tree);

        Assert.Equal(["alias.go", "main.go"], report.Files.Select(f => f.Path));
        Assert.Equal("symbolic link to outside the tree (not followed)", Assert.Single(report.Skipped, s => s.Path == "leak.go").Reason);
    }

    [Fact]
    public void A_pathological_gitignore_pattern_does_not_stall_the_walk()
    {
        var tree = new TempTree().Add(".gitignore", "*a*a*a*a*a*a*a*a*a*a*a*a*b\n");
        using var _ = tree;
        for (var i = 0; i < 50; i++) tree.Add(new string('a', 60 + i) + ".go", GoFile);

        var timer = Stopwatch.StartNew();
        var report = Count(tree);

        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(10), $"took {timer.Elapsed}");
        Assert.Equal(50, report.Total.Files);
    }
}
