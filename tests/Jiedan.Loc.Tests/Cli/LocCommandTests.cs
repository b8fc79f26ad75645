using System.Text.Json;
using Jiedan.Testing;

namespace Jiedan.Loc.Tests.Cli;

/// <summary>`jiedan loc` end to end through the real command line parser.</summary>
public sealed class LocCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "jiedan-loc-cli-" + Guid.NewGuid().ToString("N"));

    public LocCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "cmd"));
        File.WriteAllText(Path.Combine(_root, "cmd", "main.go"), "// Command main.\npackage main\n\nfunc main() {}\n");
        File.WriteAllText(Path.Combine(_root, "cmd", "main_test.go"), "package main\n");
        File.WriteAllText(Path.Combine(_root, "run.sh"), "#!/bin/sh\n# run it\necho 'a, \"b\"'\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Json_lists_languages_and_a_total_with_tests_apart()
    {
        var (exit, output, _) = await CommandLine.RunAsync("loc", _root, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var languages = json.RootElement.GetProperty("languages").EnumerateArray()
            .Select(l => $"{l.GetProperty("name").GetString()} {l.GetProperty("files").GetInt32()} {l.GetProperty("blank").GetInt64()} " +
                $"{l.GetProperty("comment").GetInt64()} {l.GetProperty("code").GetInt64()}");
        Assert.Equal(["Go 2 1 1 3", "Bourne Shell 1 0 1 2"], languages);
        var total = json.RootElement.GetProperty("total");
        Assert.Equal((3, 5L), (total.GetProperty("files").GetInt32(), total.GetProperty("code").GetInt64()));
        var tests = Assert.Single(json.RootElement.GetProperty("tests").EnumerateArray());
        Assert.Equal("Go", tests.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Csv_lists_languages_then_the_sum_and_quotes_odd_paths()
    {
        File.WriteAllText(Path.Combine(_root, "odd,name.go"), "package main\n");

        var (exit, output, _) = await CommandLine.RunAsync("loc", _root, "--csv", "--exclude-tests");
        var (_, byFile, _) = await CommandLine.RunAsync("loc", _root, "--csv", "--by-file");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(["language,files,blank,comment,code", "Go,2,1,1,3", "Bourne Shell,1,0,1,2", "SUM,3,1,2,5"], lines);
        Assert.Contains("\"odd,name.go\",Go,0,0,1", byFile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_escapes_file_names_a_spreadsheet_would_run_as_formulas()
    {
        File.WriteAllText(Path.Combine(_root, "=HYPERLINK(1).go"), "package main\n");
        File.WriteAllText(Path.Combine(_root, "@SUM(1).go"), "package main\n");
        File.WriteAllText(Path.Combine(_root, "+cmd.go"), "package main\n");
        File.WriteAllText(Path.Combine(_root, "-rf.go"), "package main\n");

        var (exit, byFile, _) = await CommandLine.RunAsync("loc", _root, "--csv", "--by-file");

        Assert.Equal(0, exit);
        using var csv = new CsvHelper.CsvReader(new StringReader(byFile), System.Globalization.CultureInfo.InvariantCulture);
        var paths = new List<string>();
        while (csv.Read()) paths.Add(csv.GetField(0)!);
        Assert.Contains("'=HYPERLINK(1).go", paths);
        Assert.Contains("'@SUM(1).go", paths);
        Assert.Contains("'+cmd.go", paths);
        Assert.Contains("'-rf.go", paths);
        Assert.DoesNotContain(paths, p => p.Length > 0 && "=+-@".Contains(p[0]));
    }

    [Fact]
    public async Task The_plain_table_shows_each_file_with_by_file()
    {
        var (exit, output, _) = await CommandLine.RunAsync("loc", _root, "--by-file");

        Assert.Equal(0, exit);
        Assert.Contains("cmd/main.go", output, StringComparison.Ordinal);
        Assert.Matches(@"SUM:\s+3\s+1\s+2\s+5", output);
    }

    [Fact]
    public async Task A_missing_path_exits_2_naming_it()
    {
        var missing = Path.Combine(_root, "nope");

        var (exit, output, error) = await CommandLine.RunAsync("loc", missing);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(missing, error, StringComparison.Ordinal);
        Assert.Contains("no such file or directory", error, StringComparison.Ordinal);
    }
}
