using System.Diagnostics;

namespace Jiedan.Files.Tests;

/// <summary>Only regular files are opened, and only up to a cap; refusals never block and never echo content.</summary>
public class RegularFileTests
{
    [Fact]
    public void A_fifo_is_refused_without_blocking()
    {
        using var scratch = new Scratch();
        var fifo = scratch.Fifo("pipe");

        var timer = Stopwatch.StartNew();
        var error = Assert.Throws<FileRefusedException>(() => RegularFile.ReadAllText(fifo, 1024));

        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal($"{fifo}: not a regular file (a FIFO)", error.Message);
        Assert.Equal(FileKind.Fifo, RegularFile.KindOf(fifo));
    }

    [Fact]
    public void A_link_to_dev_zero_is_refused_as_a_device()
    {
        using var scratch = new Scratch();
        var link = scratch.Link("zero", "/dev/zero");

        var error = Assert.Throws<FileRefusedException>(() => RegularFile.ReadAllBytes(link, 1024));

        Assert.Contains("a character device", error.Message, StringComparison.Ordinal);
        Assert.Throws<FileRefusedException>(() => RegularFile.Open(link, followLinks: false));
    }

    [Fact]
    public void A_sparse_file_above_the_cap_is_refused_before_it_is_read()
    {
        using var scratch = new Scratch();
        var sparse = scratch.Sparse("big.log", 2L << 30);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<FileRefusedException>(() => RegularFile.ReadAllBytes(sparse, 1 << 20));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20);
        Assert.EndsWith("larger than the limit of 1 MiB (2 GiB)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regular_file_within_the_cap_is_read_whole()
    {
        using var scratch = new Scratch();
        var file = scratch.File("a.txt", "\uFEFFhello\n");

        Assert.Equal("hello\n", RegularFile.ReadAllText(file, 1024));
        using var reader = RegularFile.OpenText(file, 1024);
        Assert.Equal("hello", reader.ReadLine());
    }

    [Fact]
    public void A_missing_file_is_not_found()
    {
        Assert.Throws<FileNotFoundException>(() => RegularFile.Open("/no/such/file"));
        Assert.Equal(FileKind.Missing, RegularFile.KindOf("/no/such/file"));
    }
}
