using Jiedan.Testing;

namespace Jiedan.Gate.Tests.Cli;

/// <summary>`jiedan gate` with a policy that names files outside the project: exit 2 naming field and path, no content.</summary>
public sealed class GateEvidencePathTests : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("jiedan-gate-paths-").FullName;

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    private string Project(string name, string? policy)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_parent, name)).FullName;
        File.WriteAllText(Path.Combine(dir, "go.mod"), "module example.com/shop\n\ngo 1.21\n");
        if (policy is not null) File.WriteAllText(Path.Combine(dir, "jiedan.gate.yml"), policy);
        return dir;
    }

    private static async Task<(int Code, string Err)> Gate(string dir, string output)
    {
        var (code, _, stderr) = await CommandLine.RunAsync("gate", dir, "--out", output).WaitAsync(TimeSpan.FromSeconds(30));
        return (code, stderr);
    }

    [Fact]
    public async Task A_policy_naming_etc_passwd_through_dot_dot_exits_2_without_echoing_it()
    {
        var dir = Project("p", "coverage:\n  profiles: [../../../../../../../etc/passwd]\n");

        var (code, err) = await Gate(dir, Path.Combine(_parent, "out"));

        Assert.Equal(2, code);
        Assert.Contains("jiedan.gate.yml: coverage.profiles: ../../../../../../../etc/passwd is outside the project folder", err,
            StringComparison.Ordinal);
        Assert.DoesNotContain("root:", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_parent, "out")) && Directory.EnumerateFiles(Path.Combine(_parent, "out")).Any());
    }

    [Fact]
    public async Task A_policy_naming_a_sibling_projects_evidence_by_absolute_path_exits_2()
    {
        var sibling = Project("sibling", null);
        File.WriteAllText(Path.Combine(sibling, "coverage.out"), "mode: count\nexample.com/shop/a/a.go:3.1,5.2 8 8\n");
        var dir = Project("p", $"coverage:\n  profiles: [{Path.Combine(sibling, "coverage.out")}]\n");

        var (code, err) = await Gate(dir, Path.Combine(_parent, "out"));

        Assert.Equal(2, code);
        Assert.Contains("is outside the project folder", err, StringComparison.Ordinal);
    }
}
