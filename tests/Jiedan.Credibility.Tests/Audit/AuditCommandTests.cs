using System.Diagnostics;
using System.Text.Json;
using Jiedan.Testing;

namespace Jiedan.Credibility.Tests.Audit;

/// <summary>
/// <c>jiedan audit</c> through the real command line on real git repositories, each check's expectation labelled by hand.
/// </summary>
public sealed class AuditCommandTests
{
    private static readonly string[] Ids =
        ["layout", "module-path", "readme", "license", "ci", "tests", "activity", "releases", "docs", "benchmarks"];

    internal static async Task<(CliResult Result, JsonElement Root)> AuditJsonAsync(params string[] args)
    {
        var result = await CommandLine.RunAsync(["audit", .. args, "--json"]);
        Assert.True(result.Exit == 0, result.Err);
        return (result, JsonDocument.Parse(result.Out).RootElement);
    }

    internal static JsonElement Check(JsonElement root, string id) =>
        root.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

    [Fact]
    public async Task An_exemplary_repository_passes_every_check_with_evidence_and_the_json_keeps_its_interface()
    {
        using var repo = Fixtures.Exemplary();
        var (_, root) = await AuditJsonAsync(repo.Root);

        Assert.Equal(JsonValueKind.Number, root.GetProperty("score").ValueKind);
        Assert.Equal(100, root.GetProperty("score").GetInt32());
        var checks = root.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(Ids, checks.Select(c => c.GetProperty("id").GetString()));
        foreach (var c in checks)
        {
            Assert.Equal(JsonValueKind.True, c.GetProperty("passed").ValueKind);
            Assert.Equal(JsonValueKind.String, c.GetProperty("evidence").ValueKind);
            Assert.Equal(JsonValueKind.String, c.GetProperty("fix").ValueKind);
            Assert.NotEmpty(c.GetProperty("evidence").GetString()!);
        }
        Assert.Equal("github.com/acme/widget", root.GetProperty("repository").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("ci").ValueKind);
        Assert.Equal("package at the root, commands in cmd/ (1)", Evidence(root, "layout"));
        Assert.Equal("go.mod:1 module github.com/acme/widget matches the remote", Evidence(root, "module-path"));
        Assert.Equal("README.md: Quick Start line 5 (command block line 7), Architecture line 12, Extensibility line 16, "
            + "Testing Strategy line 20", Evidence(root, "readme"));
        Assert.Equal("LICENSE: MIT", Evidence(root, "license"));
        Assert.StartsWith(".github/workflows/ci.yml:10 runs tests; pass rate not measured", Evidence(root, "ci"));
        Assert.Equal("1 *_test.go files", Evidence(root, "tests"));
        Assert.StartsWith("1 commits in the last 90 days, last ", Evidence(root, "activity"));
        Assert.Equal("2 semver tags, newest v1.2.0", Evidence(root, "releases"));
        Assert.StartsWith("5/5 = 100% of exported identifiers have a doc comment", Evidence(root, "docs"));
        Assert.Equal("1 benchmarks, first widget_test.go:11 BenchmarkRender", Evidence(root, "benchmarks"));
    }

    [Fact]
    public async Task A_chinese_readme_counts_and_the_texts_come_in_chinese()
    {
        using var repo = Fixtures.Exemplary(Fixtures.ChineseReadme);
        var (_, root) = await AuditJsonAsync(repo.Root, "--lang", "zh");
        var readme = Check(root, "readme");
        Assert.True(readme.GetProperty("passed").GetBoolean(), readme.GetProperty("evidence").GetString());
        Assert.Equal("README.md: 快速开始 第 3 行（命令代码块第 6 行）, 架构 第 10 行, 扩展 第 14 行, 测试策略 第 18 行",
            readme.GetProperty("evidence").GetString());
        Assert.Contains("最近 90 天 1 次提交", Evidence(root, "activity"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_readme_without_a_command_block_or_sections_names_what_is_missing_and_where_the_rest_is()
    {
        using var repo = Fixtures.Exemplary("# W\n\n## Getting started\n\nRead the code.\n\n## Design\n\nSimple.\n");
        var (_, root) = await AuditJsonAsync(repo.Root);
        var readme = Check(root, "readme");
        Assert.False(readme.GetProperty("passed").GetBoolean());
        Assert.Equal("README.md: Architecture line 7; missing: a runnable command block under Quick Start (line 3), Extensibility, "
            + "Testing Strategy", readme.GetProperty("evidence").GetString());
        Assert.Contains("Extensibility", readme.GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.Equal(85, root.GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task A_module_path_that_is_not_the_remote_fails_with_the_expected_path()
    {
        using var repo = Fixtures.Exemplary();
        repo.Write("go.mod", "module github.com/acme/other\n\ngo 1.22\n").Commit("rename");
        var (_, root) = await AuditJsonAsync(repo.Root);
        var check = Check(root, "module-path");
        Assert.False(check.GetProperty("passed").GetBoolean());
        Assert.Equal("go.mod:1 module github.com/acme/other, expected github.com/acme/widget", check.GetProperty("evidence").GetString());
        Assert.Equal("set 'module github.com/acme/widget' in go.mod and update the imports", check.GetProperty("fix").GetString());
    }

    [Theory]
    [InlineData("https://GitHub.com/acme/widget.git", "module github.com/acme/widget/v2", "v2.1.0", true)]
    [InlineData("ssh://git@github.com:22/acme/widget", "module github.com/acme/widget", "v2.1.0", false)]
    [InlineData("https://github.com/acme/widget/", "module github.com/acme/widget/v2", "v1.4.0", true)]
    [InlineData("https://github.com/acme/widget", "module github.com/acme/widget/v3", "v1.4.0", false)]
    [InlineData("https://github.com/acme/widget", "module github.com/Acme/widget", "v1.4.0", false)]
    public async Task Major_versions_need_their_suffix_and_remotes_are_read_in_every_form(string remote, string module, string tag,
        bool passes)
    {
        using var repo = Fixtures.Exemplary();
        repo.Write("go.mod", module + "\n").Commit("module").Tag(tag);
        var (_, root) = await AuditJsonAsync(repo.Root, "--remote", remote);
        var check = Check(root, "module-path");
        Assert.True(passes == check.GetProperty("passed").GetBoolean(), check.GetProperty("evidence").GetString());
    }

    [Fact]
    public async Task Without_a_remote_or_a_go_mod_the_check_fails_with_the_reason_and_the_audit_still_runs()
    {
        using var noRemote = Fixtures.Exemplary();
        noRemote.Git("remote", "remove", "origin");
        var (_, root) = await AuditJsonAsync(noRemote.Root);
        Assert.Contains("no remote 'origin'", Evidence(root, "module-path"), StringComparison.Ordinal);
        Assert.Equal(Path.GetFileName(noRemote.Root), root.GetProperty("repository").GetString());

        using var noGoMod = new GitRepo().Write("README.md", "# x\n").Commit("only a readme");
        (_, root) = await AuditJsonAsync(noGoMod.Root);
        Assert.Equal("no go.mod at the repository root", Evidence(root, "module-path"));
        Assert.Equal("no Go packages found", Evidence(root, "layout"));
        Assert.Equal(0, root.GetProperty("checks").EnumerateArray().Count(c => c.GetProperty("passed").GetBoolean()
            && c.GetProperty("id").GetString() is "license" or "tests" or "releases" or "benchmarks"));
    }

    [Fact]
    public async Task Old_history_and_no_tags_fail_activity_and_releases()
    {
        using var repo = new GitRepo().Write("go.mod", "module example.com/x\n").Write("x.go", "package x\n").Commit("old", daysAgo: 120);
        repo.Tag("release-1");
        var (_, root) = await AuditJsonAsync(repo.Root);
        Assert.StartsWith("0 commits in the last 90 days", Evidence(root, "activity"));
        Assert.False(Check(root, "activity").GetProperty("passed").GetBoolean());
        Assert.Equal("no semver tag (vMAJOR.MINOR.PATCH) among 1 tags", Evidence(root, "releases"));
    }

    [Fact]
    public async Task Bad_input_is_exit_2_with_the_reason()
    {
        var notGit = Directory.CreateTempSubdirectory("jiedan-audit-plain-").FullName;
        try
        {
            var result = await CommandLine.RunAsync("audit", notGit, "--json");
            Assert.Equal(2, result.Exit);
            Assert.Contains("not a git repository", result.Err, StringComparison.Ordinal);
            Assert.Equal("", result.Out);

            result = await CommandLine.RunAsync("audit", Path.Combine(notGit, "missing"));
            Assert.Equal(2, result.Exit);
            Assert.Contains("not a directory", result.Err, StringComparison.Ordinal);

            using var repo = Fixtures.Exemplary();
            Assert.Equal(2, (await CommandLine.RunAsync("audit", repo.Root, "--lang", "fr")).Exit);
            Assert.Equal(2, (await CommandLine.RunAsync("audit", repo.Root, "--remote", "not a url")).Exit);
            Assert.Equal(2, (await CommandLine.RunAsync("audit", repo.Root, "--github-api", "ftp://x")).Exit);
            Assert.Equal(2, (await CommandLine.RunAsync("audit")).Exit);
        }
        finally
        {
            Directory.Delete(notGit, recursive: true);
        }
    }

    [Fact]
    public async Task The_human_output_is_a_table_with_the_score()
    {
        using var repo = Fixtures.Exemplary();
        var result = await CommandLine.RunAsync("audit", repo.Root);
        Assert.Equal(0, result.Exit);
        Assert.Contains("Repository audit: github.com/acme/widget  score 100/100", result.Out, StringComparison.Ordinal);
        foreach (var id in Ids) Assert.Contains(id, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_readme_that_is_a_fifo_is_a_failed_check_not_a_hang()
    {
        using var repo = Fixtures.Exemplary();
        File.Delete(Path.Combine(repo.Root, "README.md"));
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(repo.Root, "README.md")])) await mkfifo.WaitForExitAsync();
        var clock = Stopwatch.StartNew();
        var (_, root) = await AuditJsonAsync(repo.Root);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20));
        Assert.Equal("README.md: not a regular file (a FIFO)", Evidence(root, "readme"));
    }

    [Fact]
    public async Task A_readme_linked_to_etc_passwd_is_refused_without_echoing_it()
    {
        using var repo = Fixtures.Exemplary();
        File.Delete(Path.Combine(repo.Root, "README.md"));
        File.CreateSymbolicLink(Path.Combine(repo.Root, "README.md"), "/etc/passwd");
        File.CreateSymbolicLink(Path.Combine(repo.Root, "evil.go"), "/etc/passwd");
        var (result, root) = await AuditJsonAsync(repo.Root);
        Assert.Equal("README.md: a link that leaves the repository (not read)", Evidence(root, "readme"));
        Assert.Contains("evil.go: a link that leaves the repository (not read)",
            root.GetProperty("skipped").EnumerateArray().Select(s => s.GetString()));
        Assert.DoesNotContain("root:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_two_gigabyte_sparse_readme_and_go_file_are_refused_by_size_quickly()
    {
        using var repo = Fixtures.Exemplary();
        using (var f = new FileStream(Path.Combine(repo.Root, "README.md"), FileMode.Create)) f.SetLength(2L << 30);
        using (var f = new FileStream(Path.Combine(repo.Root, "huge.go"), FileMode.Create)) f.SetLength(2L << 30);
        var before = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        var (_, root) = await AuditJsonAsync(repo.Root);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20));
        Assert.True(GC.GetTotalAllocatedBytes() - before < 512L * 1024 * 1024);
        Assert.Equal("README.md: larger than the limit of 1 MiB (2 GiB)", Evidence(root, "readme"));
        Assert.Contains(root.GetProperty("skipped").EnumerateArray(),
            s => s.GetString()!.StartsWith("huge.go: larger than", StringComparison.Ordinal));
    }

    private static string Evidence(JsonElement root, string id) => Check(root, id).GetProperty("evidence").GetString()!;
}
