using System.Diagnostics;
using Jiedan.Domain.Gate;
using Microsoft.Extensions.Time.Testing;

namespace Jiedan.Gate.Tests;

/// <summary>
/// Policies and evidence built to make the gate read what it must not: files outside the project, another project's
/// passing evidence, FIFOs, links to /dev/zero, huge sparse files. Each stops the gate with a message naming the field
/// or file and the problem, never the content, within a generous time and memory bound.
/// </summary>
public sealed class HostileEvidenceTests : IDisposable
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private readonly string _parent = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "jiedan-gate-hostile-"
        + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        try { Directory.Delete(_parent, recursive: true); } catch (IOException) { }
    }

    private string Project(string name, string? policy = null)
    {
        var dir = Path.Combine(_parent, name);
        GoFixture.CopyTree(GoFixture.Source, dir);
        if (policy is not null) File.WriteAllText(Path.Combine(dir, "jiedan.gate.yml"), policy);
        return dir;
    }

    private static async Task<GateInputException> Refused(string dir)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var timer = Stopwatch.StartNew();
        var run = GateRun.ExecuteAsync(new GateRun.Options(dir), Clock,
            TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20));
        var error = await Assert.ThrowsAsync<GateInputException>(() => run);
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(20), $"took {timer.Elapsed}");
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 64 << 20, "read far more than a refusal needs");
        return error;
    }

    [Fact]
    public async Task A_policy_path_climbing_out_of_the_project_is_refused_without_echoing_the_file()
    {
        var dir = Project("p", "coverage:\n  profiles: [../../../../../../etc/passwd]\n");

        var error = await Refused(dir);

        Assert.Equal("jiedan.gate.yml: coverage.profiles: ../../../../../../etc/passwd is outside the project folder", error.Message);
        Assert.DoesNotContain("root", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_absolute_path_to_a_sibling_projects_passing_evidence_is_refused()
    {
        var sibling = Project("sibling");
        File.WriteAllText(Path.Combine(sibling, "coverage.out"), "mode: set\nexample.com/goshop/money/money.go:19.1,20.2 1 1\n");
        var dir = Project("p", $"coverage:\n  profiles: [{Path.Combine(sibling, "coverage.out")}]\n");

        var error = await Refused(dir);

        Assert.Contains("coverage.profiles: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("is outside the project folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conventional_evidence_file_linked_out_of_the_project_is_refused()
    {
        var dir = Project("p");
        File.CreateSymbolicLink(Path.Combine(dir, "coverage.out"), "/dev/zero");

        var error = await Refused(dir);

        Assert.Equal("conventions: coverage.profiles: coverage.out is outside the project folder", error.Message);
    }

    [Fact]
    public async Task A_fifo_as_evidence_is_refused_without_hanging()
    {
        var dir = Project("p");
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(dir, "coverage.out")])) await mkfifo.WaitForExitAsync();

        var error = await Refused(dir);

        Assert.Equal("coverage.out: not a regular file (a FIFO)", error.Message);
    }

    [Fact]
    public async Task An_oversized_sparse_evidence_file_is_refused_unread()
    {
        var dir = Project("p");
        using (var sparse = new FileStream(Path.Combine(dir, "coverage.out"), FileMode.Create)) sparse.SetLength(2L << 30);

        var error = await Refused(dir);

        Assert.Equal("coverage.out: larger than the limit of 256 MiB (2 GiB)", error.Message);
    }

    [Fact]
    public async Task A_link_to_evidence_inside_the_project_is_read()
    {
        var dir = Project("p", "coverage:\n  profiles: [reports/current.out]\n");
        Directory.CreateDirectory(Path.Combine(dir, "reports"));
        File.WriteAllText(Path.Combine(dir, "reports", "real.out"), "mode: set\nexample.com/goshop/money/money.go:19.1,20.2 1 1\n");
        File.CreateSymbolicLink(Path.Combine(dir, "reports", "current.out"), "real.out");

        var outcome = await GateRun.ExecuteAsync(new GateRun.Options(dir), Clock, TestContext.Current.CancellationToken);

        Assert.Contains(outcome.Files, f => f.Name == "reports/real.out");
        Assert.NotNull(outcome.Evidence.Coverage);
    }
}
