using System.Text.RegularExpressions;
using Jiedan.Testing;

namespace Jiedan.Cli.Tests.Snapshots;

/// <summary>
/// The CLI's tables and <c>--json</c> documents on fixed data, compared whole with the golden files in
/// <c>__snapshots__</c> (update: <c>JIEDAN_UPDATE_SNAPSHOTS=1</c>). A changed column, label or field shows in the diff.
/// </summary>
public sealed partial class CliOutputSnapshotTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jiedan-snapshots-").FullName;

    /// <summary>Every test starts from a migrated database, as after `jiedan db migrate`.</summary>
    public async ValueTask InitializeAsync() => await Succeeds("db", "migrate", "--db", Db);

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "Snapshots", "Data", name);

    private string Db => Path.Combine(_dir, "jiedan.db");

    private static async Task<string> Succeeds(params string[] args)
    {
        var (exit, stdout, stderr) = await CommandLine.RunAsync(args);
        Assert.True(exit == 0, $"jiedan {string.Join(' ', args)} exited {exit}: {stderr}");
        return stdout;
    }

    private async Task ImportFixtureDeals() => await Succeeds("deals", "import", Data("deals.csv"), "--db", Db);

    [Fact]
    public async Task Deals_list_as_a_table_and_as_json()
    {
        await ImportFixtureDeals();
        Snapshot.Match(await Succeeds("deals", "list", "--db", Db), "deals-list.txt");
        Snapshot.Match(await Succeeds("deals", "list", "--json", "--db", Db), "deals-list.json");
    }

    [Fact]
    public async Task Pipeline_report_as_a_table_and_as_json()
    {
        await ImportFixtureDeals();
        Snapshot.Match(await Succeeds("pipeline", "report", "--db", Db), "pipeline-report.txt");
        Snapshot.Match(await Succeeds("pipeline", "report", "--lang", "zh", "--db", Db), "pipeline-report.zh.txt");
        Snapshot.Match(await Succeeds("pipeline", "report", "--json", "--db", Db), "pipeline-report.json");
    }

    [Fact]
    public async Task Quote_of_the_example_spec_as_a_table_and_as_json()
    {
        var spec = Path.Combine(AppContext.BaseDirectory, "Quote", "Data", "quote.yml");
        Snapshot.Match(await Succeeds("quote", spec, "--db", Db), "quote.txt");
        Snapshot.Match(await Succeeds("quote", spec, "--json", "--db", Db), "quote.json");
    }

    [Fact]
    public async Task Loc_of_the_fixture_corpus_as_a_table_and_as_json()
    {
        var corpus = Path.Combine(_dir, "corpus");
        Write(corpus, "cmd/main.go",
            "// Command main.\npackage main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\") // greet\n}\n");
        Write(corpus, "cmd/main_test.go", "package main\n\nimport \"testing\"\n\nfunc TestMain(t *testing.T) {}\n");
        Write(corpus, "run.sh", "#!/bin/sh\n# run it\necho 'a, \"b\"'\n");
        Write(corpus, "docs/README.md", "# Corpus\n\nA few files.\n");
        Write(corpus, "web/app.ts", "/* app */\nexport const a = 1;\n\n// done\n");
        var replacements = new Dictionary<string, string> { [corpus] = "<corpus>" };
        Snapshot.Match(WithoutTiming(await Succeeds("loc", corpus)), "loc.txt", replacements);
        Snapshot.Match(WithoutTiming(await Succeeds("loc", corpus, "--json")), "loc.json", replacements);
        Snapshot.Match(WithoutTiming(await Succeeds("loc", corpus, "--json", "--by-file")), "loc.by-file.json", replacements);
    }

    /// <summary>How long the count took is the one figure a run cannot fix.</summary>
    private static string WithoutTiming(string output) => Timing().Replace(output, "<time>");

    [GeneratedRegex(@"(?<=in )[0-9.]+ s \([0-9.]+ MB/s\)|(?<=""elapsedSeconds"": )[0-9.]+")]
    private static partial Regex Timing();

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
