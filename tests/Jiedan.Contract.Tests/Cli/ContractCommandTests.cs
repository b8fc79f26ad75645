using System.Diagnostics;
using System.Text.Json;
using Jiedan.Common.Cli;
using Jiedan.Domain.Contract;
using Jiedan.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Contract.Tests.Cli;

/// <summary>
/// <c>jiedan contract</c> end to end, in-process, with the bundled protoc. One class: a test here points
/// <c>Contract__Protoc</c> at a stand-in, and the tests of a class do not run in parallel.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ContractCommandTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly string _dir = Directory.CreateTempSubdirectory("jiedan-contract-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Requirement(string text, string name = "requirement.yml")
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Out => Path.Combine(_dir, "out");

    private string[] Leftovers() => Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal)
        .ToArray()!;

    [Fact]
    public async Task The_sample_writes_both_files_and_a_complete_parity_report()
    {
        var (exit, output, err) = await CommandLine.RunAsync("contract", Requirement(ParityTests.SampleText), "--out", Out);

        Assert.True(exit == ExitCodes.Ok, output + err);
        Assert.Equal(["openapi.yaml", "orders.proto", "parity.json"],
            Directory.GetFiles(Out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var contract = ContractGenerator.Generate(RequirementReader.Read(ParityTests.SampleText, "requirement.yml"));
        Assert.Equal(contract.ProtoText, await File.ReadAllTextAsync(Path.Combine(Out, "orders.proto")));
        Assert.Equal(contract.OpenApiYaml, await File.ReadAllTextAsync(Path.Combine(Out, "openapi.yaml")));
        using var parity = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Out, "parity.json")));
        Assert.True(parity.RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal(["out", "requirement.yml"], Leftovers());
        Snapshot.Match(output, "contract-cli.txt");
    }

    [Fact]
    public async Task Json_prints_the_files_and_the_report_and_an_existing_folder_is_updated_in_place()
    {
        Directory.CreateDirectory(Out);
        await File.WriteAllTextAsync(Path.Combine(Out, "keep.txt"), "mine");

        var (exit, output, err) = await CommandLine.RunAsync("contract", Requirement(ParityTests.SampleText), "--out", Out, "--json");

        Assert.True(exit == ExitCodes.Ok, output + err);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("orders", json.RootElement.GetProperty("service").GetString());
        Assert.True(json.RootElement.GetProperty("parity").GetProperty("complete").GetBoolean());
        Assert.True(File.Exists(Path.Combine(Out, "keep.txt")));
        Assert.True(File.Exists(Path.Combine(Out, "orders.proto")));
        Snapshot.Match(output, "contract-cli.json");
    }

    [Fact]
    public async Task Bad_input_is_exit_2_at_file_line_column_and_writes_nothing()
    {
        var path = Requirement(ParityTests.SampleText.Replace("type: integer", "type: integr", StringComparison.Ordinal), "bad.yml");

        var (exit, output, err) = await CommandLine.RunAsync("contract", path, "--out", Out);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", output);
        Assert.Matches(@"^\S*bad\.yml:10:29: .*unknown type", err.Trim());
        Assert.DoesNotContain("integr'", err, StringComparison.Ordinal);
        Assert.Equal(["bad.yml"], Leftovers());
    }

    [Fact]
    public async Task A_fifo_a_device_link_and_a_sparse_giant_are_refused_quickly_with_nothing_written()
    {
        var fifo = Path.Combine(_dir, "fifo.yml");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) await mkfifo.WaitForExitAsync();
        var zero = Path.Combine(_dir, "zero.yml");
        File.CreateSymbolicLink(zero, "/dev/zero");
        var giant = Path.Combine(_dir, "giant.yml");
        using (var stream = File.Create(giant)) stream.SetLength(8L << 30);

        foreach (var path in new[] { fifo, zero, giant })
        {
            var clock = Stopwatch.StartNew();
            var (exit, _, err) = await CommandLine.RunAsync("contract", path, "--out", Out);

            Assert.Equal(ExitCodes.BadInput, exit);
            Assert.Contains(Path.GetFileName(path), err, StringComparison.Ordinal);
            Assert.True(clock.Elapsed < Bound, $"{path}: {clock.Elapsed}");
        }
        Assert.Equal(["fifo.yml", "giant.yml", "zero.yml"], Leftovers());
    }

    [Fact]
    public async Task A_file_in_the_way_of_the_output_folder_is_exit_2()
    {
        await File.WriteAllTextAsync(Out, "not a folder");

        var (exit, _, err) = await CommandLine.RunAsync("contract", Requirement(ParityTests.SampleText), "--out", Out);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("not a directory", err, StringComparison.Ordinal);
        Assert.Equal("not a folder", await File.ReadAllTextAsync(Out));
    }

    [Fact]
    public async Task A_parity_difference_is_exit_1_with_the_difference_listed()
    {
        // A stand-in protoc that hands back the descriptor set of a drifted .proto (display_name max 31, not 32).
        var drifted = ContractGenerator.Generate(RequirementReader.Read(
            ParityTests.SampleText.Replace("max_length: 32", "max_length: 31", StringComparison.Ordinal), "drifted.yml"));
        var set = Path.Combine(_dir, "drifted.pb");
        await File.WriteAllBytesAsync(set, ContractTools.DescriptorSet(drifted.ProtoText, drifted.ProtoFileName));
        var fake = Path.Combine(_dir, "protoc");
        await File.WriteAllTextAsync(fake, $$"""
            #!/bin/sh
            for a in "$@"; do case "$a" in --descriptor_set_out=*) cp '{{set}}' "${a#--descriptor_set_out=}";; esac; done
            """);
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        Environment.SetEnvironmentVariable("Contract__Protoc", fake);
        try
        {
            var (exit, output, err) = await CommandLine.RunAsync("contract", Requirement(ParityTests.SampleText), "--out", Out);

            Assert.True(exit == ExitCodes.CheckFailed, output + err);
            Assert.Contains("parity: INCOMPLETE", output, StringComparison.Ordinal);
            Assert.Contains("difference: User.display_name:", output, StringComparison.Ordinal);
            using var parity = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Out, "parity.json")));
            Assert.False(parity.RootElement.GetProperty("complete").GetBoolean());
        }
        finally
        {
            Environment.SetEnvironmentVariable("Contract__Protoc", null);
        }
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task With_deal_each_run_stores_a_new_requirement_version_and_an_unknown_deal_is_exit_2(TestDatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var db = database.Argument;
        Assert.Equal(ExitCodes.Ok, (await CommandLine.RunAsync("db", "migrate", "--db", db)).Exit);
        var (created, dealJson, dealErr) = await CommandLine.RunAsync("deals", "add", "--client", "Acme 客户", "--platform", "Upwork",
            "--category", "ApiService", "--seniority", "Mid", "--db", db, "--json");
        Assert.True(created == ExitCodes.Ok, dealErr);
        var dealId = JsonDocument.Parse(dealJson).RootElement.GetProperty("id").GetInt64();
        var deal = dealId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var path = Requirement(ParityTests.SampleText);

        var first = await CommandLine.RunAsync("contract", path, "--out", Out, "--deal", deal, "--db", db);
        var second = await CommandLine.RunAsync("contract", path, "--out", Out, "--deal", deal, "--db", db, "--json");

        Assert.True(first.Exit == ExitCodes.Ok, first.Out + first.Err);
        Assert.Contains($"stored on deal {deal} as requirement version 1", first.Out, StringComparison.Ordinal);
        Assert.True(second.Exit == ExitCodes.Ok, second.Out + second.Err);
        Assert.Equal(2, JsonDocument.Parse(second.Out).RootElement.GetProperty("deal").GetProperty("version").GetInt32());
        await using (var services = await CliServices.OpenAsync(db, Needs.Of(Deals.DealsModule.RegisterData,
            ContractModule.RegisterData), TestContext.Current.CancellationToken))
        {
            await using var scope = services.CreateAsyncScope();
            var history = await scope.ServiceProvider.GetRequiredService<Services.RequirementStore>()
                .HistoryAsync(dealId, TestContext.Current.CancellationToken);
            Assert.Equal([2, 1], history.Select(v => v.Number));
            Assert.All(history, v => Assert.Equal(ParityTests.SampleText, v.YamlText));
            Assert.All(history, v => Assert.Equal("orders", v.Service));
        }

        var other = Path.Combine(_dir, "other");
        var (missing, _, missingErr) = await CommandLine.RunAsync("contract", path, "--out", other, "--deal", "424242", "--db", db);
        Assert.Equal(ExitCodes.BadInput, missing);
        Assert.Contains("no deal 424242", missingErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(other));
    }
}
