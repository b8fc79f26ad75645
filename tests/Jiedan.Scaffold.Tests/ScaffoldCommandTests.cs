using Jiedan.Common.Cli;
using Jiedan.Scaffold.Services;
using Jiedan.Testing;

namespace Jiedan.Scaffold.Tests;

/// <summary><c>jiedan scaffold</c>: bad input exits 2 with nothing written; regenerating keeps what the user changed.</summary>
public sealed class ScaffoldCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jiedan-scaffold-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Orders => Path.Combine(AppContext.BaseDirectory, "requirements", "orders.yml");

    private string Out => Path.Combine(_dir, "out");

    private Task<CliResult> Scaffold(params string[] more) =>
        CommandLine.RunAsync(["scaffold", Orders, "--out", Out, "--module", "github.com/you/orders", .. more]);

    [Fact]
    public async Task A_non_empty_folder_is_refused_without_force_and_nothing_is_written()
    {
        Directory.CreateDirectory(Out);
        await File.WriteAllTextAsync(Path.Combine(Out, "notes.txt"), "mine");

        var (exit, _, err) = await Scaffold();

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("not empty; use --force", err, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(Out).Select(Path.GetFileName));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Regenerating_keeps_a_file_the_user_changed_and_writes_the_new_version_beside_it()
    {
        Assert.Equal(ExitCodes.Ok, (await Scaffold()).Exit);
        var readme = Path.Combine(Out, "README.md");
        var handler = Path.Combine(Out, "internal", "user", "handler.go");
        await File.WriteAllTextAsync(readme, "# my own words\n");
        File.Delete(handler);

        var (exit, output, err) = await Scaffold("--force", "--lang", "zh");

        Assert.True(exit == ExitCodes.Ok, output + err);
        Assert.Equal("# my own words\n", await File.ReadAllTextAsync(readme));
        Assert.Contains("## 快速开始", await File.ReadAllTextAsync(readme + ScaffoldOutput.NewSuffix), StringComparison.Ordinal);
        Assert.True(File.Exists(handler));
        Assert.Contains($"kept your README.md; the new version is README.md{ScaffoldOutput.NewSuffix}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_planted_in_the_project_that_leads_out_stops_the_regeneration_before_any_write()
    {
        Assert.Equal(ExitCodes.Ok, (await Scaffold()).Exit);
        var outside = Path.Combine(_dir, "outside.txt");
        await File.WriteAllTextAsync(outside, "not yours");
        var readme = Path.Combine(Out, "README.md");
        File.Delete(readme);
        File.CreateSymbolicLink(readme, outside);
        var handler = Path.Combine(Out, "internal", "user", "handler.go");
        File.Delete(handler);

        var (exit, _, err) = await Scaffold("--force");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("outside", err, StringComparison.Ordinal);
        Assert.Equal("not yours", await File.ReadAllTextAsync(outside));
        Assert.False(File.Exists(handler));
        Assert.False(File.Exists(readme + ScaffoldOutput.NewSuffix));
    }

    [Theory]
    [InlineData("--module", "github.com/you/../x")]
    [InlineData("--module", "")]
    [InlineData("--module", "has space/x")]
    [InlineData("--framework", "echo")]
    public async Task Bad_options_exit_2_and_write_nothing(string option, string value)
    {
        var (exit, _, err) = await CommandLine.RunAsync(
            "scaffold", Orders, "--out", Out, "--module", "github.com/you/orders", option, value);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.NotEqual("", err.Trim());
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task A_bad_requirement_names_file_line_and_column_and_writes_nothing()
    {
        var bad = Path.Combine(_dir, "bad.yml");
        await File.WriteAllTextAsync(bad,
            "service: orders\nversion: 1.0.0\nentities:\n  User:\n    fields:\n      name: { type: strng }\n");

        var (exit, _, err) = await CommandLine.RunAsync("scaffold", bad, "--out", Out, "--module", "github.com/you/orders");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Matches(@"bad\.yml:6:\d+: ", err);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task A_vendor_source_without_the_packages_is_refused_before_anything_is_written()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_dir, "gocode")).FullName;

        var (exit, _, err) = await Scaffold("--vendor-from", empty);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("install golang-github-", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }
}
