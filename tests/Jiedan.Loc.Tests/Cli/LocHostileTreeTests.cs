using System.Diagnostics;
using System.Text.Json;
using Jiedan.Testing;

namespace Jiedan.Loc.Tests.Cli;

/// <summary>
/// `jiedan loc` on trees built to hurt it. Before: a FIFO hung it forever, a 2 GiB sparse file cost 2.1 GB of memory,
/// a .gitignore linked to /dev/zero ended in OutOfMemoryException and a pathological glob took seconds per name.
/// </summary>
public sealed class LocHostileTreeTests : IDisposable
{
    private const string GoFile = "package main\n\nfunc main() {}\n";
    private readonly string _root = Directory.CreateTempSubdirectory("jiedan-loc-hostile-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string content = GoFile)
    {
        var full = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>Runs `jiedan loc --json`, failing on a hang (20 s) or on allocating anything like the attack's size (256 MiB).</summary>
    private static async Task<(int Exit, JsonDocument? Json, string Err)> Loc(params string[] args)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var (exit, stdout, stderr) = await CommandLine.RunAsync(["loc", .. args, "--json",
            "--by-file"]).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 256 << 20, "allocated as if the attack's file had been read");
        return (exit, exit == 0 ? JsonDocument.Parse(stdout) : null, stderr);
    }

    private static string Reason(JsonDocument json, string path) =>
        json.RootElement.GetProperty("skippedFiles").EnumerateArray().Single(s =>
            s.GetProperty("path").GetString() == path).GetProperty("reason").GetString()!;

    private static long Files(JsonDocument json) => json.RootElement.GetProperty("total").GetProperty("files").GetInt64();

    [Fact]
    public async Task A_fifo_in_the_tree_is_skipped_not_waited_on()
    {
        Write("main.go");
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(_root, "pipe.go")])) await mkfifo.WaitForExitAsync();

        var (exit, json, _) = await Loc(_root);

        Assert.Equal(0, exit);
        Assert.Equal(1, Files(json!));
        Assert.Equal("not a regular file (a FIFO)", Reason(json!, "pipe.go"));
    }

    [Fact]
    public async Task A_2_GiB_sparse_file_is_skipped_by_size_and_max_file_size_is_configurable()
    {
        Write("main.go");
        using (var sparse = new FileStream(Path.Combine(_root, "huge.go"), FileMode.Create)) sparse.SetLength(2L << 30);
        Write("medium.go", GoFile + new string('\n', 2 << 20));

        var (exit, json, _) = await Loc(_root);
        var (_, lowered, _) = await Loc(_root, "--max-file-size", "1");
        var (badExit, _, _) = await Loc(_root, "--max-file-size", "0");

        Assert.Equal(0, exit);
        Assert.Equal("larger than --max-file-size (100 MiB)", Reason(json!, "huge.go"));
        Assert.Equal(2, Files(json!));
        Assert.Equal("larger than --max-file-size (1 MiB)", Reason(lowered!, "medium.go"));
        Assert.NotEqual(0, badExit);
    }

    [Fact]
    public async Task A_gitignore_linked_to_dev_zero_is_not_read()
    {
        Write("main.go");
        File.CreateSymbolicLink(Path.Combine(_root, ".gitignore"), "/dev/zero");

        var (exit, json, _) = await Loc(_root);

        Assert.Equal(0, exit);
        Assert.Equal(1, Files(json!));
    }

    [Fact]
    public async Task A_link_out_of_the_tree_is_not_followed()
    {
        Write("main.go");
        File.CreateSymbolicLink(Path.Combine(_root, "passwd.go"), "/etc/passwd");

        var (exit, json, _) = await Loc(_root);

        Assert.Equal(0, exit);
        Assert.Equal(1, Files(json!));
        Assert.Equal("symbolic link to outside the tree (not followed)", Reason(json!, "passwd.go"));
    }

    [Fact]
    public async Task A_pathological_gitignore_glob_costs_linear_time()
    {
        Write(".gitignore", "*a*a*a*a*a*a*a*a*a*a*a*a*a*b\n");
        for (var i = 0; i < 40; i++) Write(new string('a', 80 + i) + ".go");

        var timer = Stopwatch.StartNew();
        var (exit, json, _) = await Loc(_root);

        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(10), $"took {timer.Elapsed}");
        Assert.Equal(0, exit);
        Assert.Equal(40, Files(json!));
    }
}
