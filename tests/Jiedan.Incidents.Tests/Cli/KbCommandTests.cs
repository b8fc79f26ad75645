using System.Diagnostics;
using System.Text.Json;
using Jiedan.Testing;

namespace Jiedan.Incidents.Tests.Cli;

/// <summary><c>jiedan kb import|match|evaluate</c> in-process through the real parser, on SQLite and PostgreSQL.</summary>
public class KbCommandTests
{
    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Import_match_and_evaluate_the_corpus(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(kind);
        Assert.Equal(0, (await CommandLine.RunAsync("db", "migrate", "--db", db.Argument)).Exit);

        var import = await CommandLine.RunAsync("kb", "import", Corpus.Folder, "--db", db.Argument);
        Assert.True(import.Exit == 0, import.Err);
        Assert.Contains("imported 18 runbook entries and 37 new past incidents", import.Out);
        var again = await CommandLine.RunAsync("kb", "import", Corpus.Folder, "--db", db.Argument);
        Assert.Contains("and 0 new past incidents", again.Out);

        var folder = Directory.CreateTempSubdirectory("jiedan-kb-").FullName;
        try
        {
            var alert = Path.Combine(folder, "alert.json");
            await File.WriteAllTextAsync(alert, Payloads.Group("firing", 0,
                new Payloads.TestAlert("HostDiskAlmostFull", "aa11bb22cc33dd44", Description: "Disk space on /var nearly exhausted"),
                new Payloads.TestAlert("Watchdog", "0000111122223333", Description: "Always firing")), ct);

            var match = await CommandLine.RunAsync("kb", "match", alert, "--json", "--db", db.Argument);

            Assert.True(match.Exit == 0, match.Err);
            Snapshot.Match(match.Out, "kb-match.json");
            using var json = JsonDocument.Parse(match.Out);
            var alerts = json.RootElement.GetProperty("alerts");
            Assert.Equal(["alerts"], json.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal("aa11bb22cc33dd44", alerts[0].GetProperty("fingerprint").GetString());
            var matches = alerts[0].GetProperty("matches");
            Assert.InRange(matches.GetArrayLength(), 1, 3);
            var best = matches[0];
            Assert.Equal(["title", "source", "score", "path"], best.EnumerateObject().Select(p => p.Name));
            Assert.Equal("NodeFilesystemAlmostFull", best.GetProperty("title").GetString());
            Assert.Equal("runbooks/kubernetes/NodeFilesystemAlmostFull.md", best.GetProperty("source").GetString());
            Assert.Equal(["NodeFilesystemAlmostFull", "node filesystem", "/var/lib/docker volume"],
                best.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
            var scores = matches.EnumerateArray().Select(m => m.GetProperty("score").GetDouble()).ToList();
            Assert.Equal(scores.OrderDescending(), scores);
            Assert.Equal(0, alerts[1].GetProperty("matches").GetArrayLength());

            var text = await CommandLine.RunAsync("kb", "match", alert, "--db", db.Argument);
            Snapshot.Match(text.Out, "kb-match.txt");
            Assert.Contains("no confident match", text.Out);
            Assert.Contains("evidence: ", text.Out);
        }
        finally { Directory.Delete(folder, recursive: true); }

        Snapshot.Match((await CommandLine.RunAsync("kb", "evaluate", "--db", db.Argument)).Out, "kb-evaluate.txt");
        var evaluate = await CommandLine.RunAsync("kb", "evaluate", "--json", "--db", db.Argument);
        Assert.True(evaluate.Exit == 0, evaluate.Err);
        using var figures = JsonDocument.Parse(evaluate.Out);
        Assert.Equal(37, figures.RootElement.GetProperty("incidents").GetInt32());
        Assert.True(figures.RootElement.GetProperty("top3").GetDouble() >= 0.8, evaluate.Out);
        Assert.True(figures.RootElement.GetProperty("confidentPrecision").GetDouble() >= 0.8, evaluate.Out);
    }

    [Fact]
    public async Task A_link_out_of_the_folder_a_fifo_or_a_malformed_runbook_refuses_the_whole_import()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        Assert.Equal(0, (await CommandLine.RunAsync("db", "migrate", "--db", db.Argument)).Exit);
        var root = Directory.CreateTempSubdirectory("jiedan-kb-").FullName;
        var outside = Directory.CreateTempSubdirectory("jiedan-kb-outside-").FullName;
        try
        {
            var books = Path.Combine(root, "books");
            Directory.CreateDirectory(books);
            await File.WriteAllTextAsync(Path.Combine(books, "good.md"), "# GoodAlert\n\n## Meaning\nfine\n", ct);
            await File.WriteAllTextAsync(Path.Combine(outside, "secret.md"), "# SECRET\n\n## Meaning\nSECRET\n", ct);

            File.CreateSymbolicLink(Path.Combine(books, "escape.md"), Path.Combine(outside, "secret.md"));
            var link = await CommandLine.RunAsync("kb", "import", books, "--db", db.Argument);
            Assert.Equal(2, link.Exit);
            Assert.Contains("escape.md", link.Err);
            Assert.Contains("outside", link.Err);
            File.Delete(Path.Combine(books, "escape.md"));

            using (var mkfifo = Process.Start("mkfifo", Path.Combine(books, "pipe.md")))
            {
                await mkfifo.WaitForExitAsync(ct);
                Assert.Equal(0, mkfifo.ExitCode);
            }
            var watch = Stopwatch.StartNew();
            var fifo = await CommandLine.RunAsync("kb", "import", books, "--db", db.Argument);
            Assert.Equal(2, fifo.Exit);
            Assert.Contains("pipe.md", fifo.Err);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
            File.Delete(Path.Combine(books, "pipe.md"));

            await File.WriteAllTextAsync(Path.Combine(books, "bad.md"), "\n\nSECRET text without a title\n", ct);
            var bad = await CommandLine.RunAsync("kb", "import", books, "--db", db.Argument);
            Assert.Equal(2, bad.Exit);
            Assert.Contains("bad.md:1", bad.Err);
            Assert.DoesNotContain("SECRET", bad.Err + bad.Out);

            var alert = Path.Combine(root, "alert.json");
            await File.WriteAllTextAsync(alert, Payloads.Firing(new Payloads.TestAlert("GoodAlert", "abcdef0123456789")),
                ct);
            using var json = JsonDocument.Parse((await CommandLine.RunAsync("kb", "match", alert, "--json", "--db", db.Argument)).Out);
            Assert.Equal(0, json.RootElement.GetProperty("alerts")[0].GetProperty("matches").GetArrayLength());

            File.Delete(Path.Combine(books, "bad.md"));
            Assert.Equal(0, (await CommandLine.RunAsync("kb", "import", books, "--db", db.Argument)).Exit);
            using var after = JsonDocument.Parse((await CommandLine.RunAsync("kb", "match", alert, "--json", "--db", db.Argument)).Out);
            Assert.Equal("good.md",
                after.RootElement.GetProperty("alerts")[0].GetProperty("matches")[0].GetProperty("source").GetString());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task A_bad_alert_file_is_exit_2_naming_the_field()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "{\"version\":\"5\",\"alerts\":[]}", ct);
            var result = await CommandLine.RunAsync("kb", "match", file, "--json", "--db", db.Argument);
            Assert.Equal(2, result.Exit);
            Assert.Contains("version: must be \"4\"", result.Err);
            var dev = await CommandLine.RunAsync("kb", "match", "/dev/zero", "--db", db.Argument);
            Assert.Equal(2, dev.Exit);
        }
        finally { File.Delete(file); }
    }
}
