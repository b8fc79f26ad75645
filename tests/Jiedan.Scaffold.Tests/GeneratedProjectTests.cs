using Jiedan.Common.Cli;
using Jiedan.Testing;

namespace Jiedan.Scaffold.Tests;

/// <summary>
/// Requirement files (the contract's fixtures: CJK names and descriptions, references in cycles, lists of references,
/// actions, every constraint kind) scaffolded with Debian's Go sources vendored, then gofmt, go vet and go test with
/// coverage, offline. Go's build cache makes every project after the first cheap.
/// </summary>
[Collection(SharedGoCache.Name)]
public sealed class GeneratedProjectTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jiedan-scaffold-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, string> Projects => new()
    {
        { "orders", "gin" }, { "shop", "gin" }, { "surveys", "gin" }, { "probes", "gin" },
        { "wiki", "stdlib" }, { "fleet", "stdlib" },
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public async Task A_scaffold_is_gofmt_clean_builds_and_passes_vet_and_tests_covering_80_percent(string requirement, string framework)
    {
        var project = Path.Combine(_dir, requirement);
        var file = Path.Combine(AppContext.BaseDirectory, "requirements", requirement + ".yml");
        var (exit, output, err) = await CommandLine.RunAsync("scaffold", file, "--out", project,
            "--module", $"example.com/you/{requirement}", "--framework", framework, "--vendor-from", GoTool.SourceRoot);
        Assert.True(exit == ExitCodes.Ok, output + err);

        Assert.Equal("", GoTool.Unformatted(project));
        var vet = GoTool.Go(project, "vet", "./...");
        Assert.True(vet.Exit == 0, vet.Output);
        var build = GoTool.Go(project, "build", "./...");
        Assert.True(build.Exit == 0, build.Output);
        var test = GoTool.Go(project, "test", "-coverprofile=coverage.out", "./...");
        Assert.True(test.Exit == 0, test.Output);
        Assert.True(GoTool.TotalCoverage(project, "coverage.out") >= 80, test.Out);
    }
}

[CollectionDefinition(Name)]
public sealed class SharedGoCache
{
    public const string Name = "go toolchain";
}
