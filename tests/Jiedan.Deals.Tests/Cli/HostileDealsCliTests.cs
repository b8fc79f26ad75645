using System.Text;
using System.Text.Json;
using Jiedan.Testing;

namespace Jiedan.Deals.Tests.Cli;

/// <summary>The same hostile input the API refuses, through `jiedan deals`: exit 2, the field named, nothing written.</summary>
public sealed class HostileDealsCliTests
{
    private static async Task<int> DealCount(TestDatabase db) =>
        JsonDocument.Parse((await CommandLine.RunAsync("deals", "list", "--json", "--db", db.Argument)).Out).RootElement.GetArrayLength();

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Add_OverLongFields_Exit2NamingTheOption(TestDatabaseKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await CommandLine.RunAsync("db", "migrate", "--db", db.Argument);
        var (exit, _, err) = await CommandLine.RunAsync(
            "deals", "add", "--client", new string('c', 1_000_000), "--platform", "Upwork", "--db", db.Argument);
        Assert.Equal((2, true), (exit, err.Contains("--client: client must be at most 200 characters", StringComparison.Ordinal)));
        var notes = new string('n', 20_000_000);
        (exit, _, err) = await CommandLine.RunAsync("deals", "add", "--client", "Acme", "--platform", "Upwork", "--notes", notes, "--db",
            db.Argument);
        Assert.Equal((2, true), (exit, err.Contains("--notes: notes must be at most 10000 characters", StringComparison.Ordinal)));
        Assert.Equal(0, await DealCount(db));

        Assert.Equal(0, (await CommandLine.RunAsync("deals", "add", "--client", "Acme", "--platform", "Upwork", "--db", db.Argument)).Exit);
        var list = JsonDocument.Parse((await CommandLine.RunAsync("deals", "list", "--json", "--db", db.Argument)).Out).RootElement;
        var id = list[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        (exit, _, err) = await CommandLine.RunAsync("deals", "move", id, "Lost", "--reason", new string('r', 1001), "--db", db.Argument);
        Assert.Equal((2, true), (exit, err.Contains("reason must be at most 1000 characters", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Import_InvalidUtf8_Exit2WithLineAndColumn()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        await CommandLine.RunAsync("db", "migrate", "--db", db.Argument);
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "gbk.csv");
        var bytes = Encoding.UTF8.GetBytes("external_id,client,platform,stage,at\nx-1,??,Upwork,Lead,2026-01-05\n");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xBA; // a GBK lead byte, not UTF-8
        await File.WriteAllBytesAsync(path, bytes);
        var (exit, _, err) = await CommandLine.RunAsync("deals", "import", path, "--db", db.Argument);
        Assert.Equal(2, exit);
        Assert.Contains("gbk.csv:2:5: invalid UTF-8", err);
        Assert.Equal(0, await DealCount(db));
    }

    [Fact]
    public async Task ExportThenImport_FormulaClientSurvives_AndTheFileHoldsNoRawFormula()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        await CommandLine.RunAsync("db", "migrate", "--db", db.Argument);
        await using var other = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        await CommandLine.RunAsync("db", "migrate", "--db", other.Argument);
        const string formula = "=HYPERLINK(\"http://evil.example\")";
        var added = await CommandLine.RunAsync("deals", "add", "--client", formula, "--platform", "Upwork", "--external-id", "f-1", "--db",
            db.Argument);
        Assert.Equal(0, added.Exit);
        var folder = Directory.CreateTempSubdirectory().FullName;
        var file = Path.Combine(folder, "deals.csv");
        var (exit, export, _) = await CommandLine.RunAsync("deals", "export", "--db", db.Argument);
        Assert.Equal(0, exit);
        Assert.DoesNotContain(",=HYPERLINK", export);
        Assert.DoesNotContain(",\"=HYPERLINK", export);
        await File.WriteAllTextAsync(file, export);
        Assert.Equal(0, (await CommandLine.RunAsync("deals", "import", file, "--db", other.Argument)).Exit);
        var clients = JsonDocument.Parse((await CommandLine.RunAsync("deals", "list", "--json", "--db", other.Argument)).Out).RootElement;
        Assert.Equal(formula, clients[0].GetProperty("client").GetString());
    }
}
