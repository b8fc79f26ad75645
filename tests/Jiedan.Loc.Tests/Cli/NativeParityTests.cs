using System.Diagnostics;
using System.Text.RegularExpressions;
using Jiedan.Testing;

namespace Jiedan.Loc.Tests.Cli;

/// <summary>
/// The native `jiedan-loc` (src/Jiedan.Loc.Native, published ahead of time once per run by <see cref="NativeBinary"/>) answers every
/// argument list with the same bytes on stdout and stderr and the same exit code as `jiedan loc`; only the measured time differs.
/// </summary>
public sealed partial class NativeParityTests(NativeParityTests.NativeBinary native) : IClassFixture<NativeParityTests.NativeBinary>
{
    private const string GoRoot = "/usr/share/go-1.19/src";
    private static readonly string[] LikeCloc = ["--include-vendor", "--include-generated", "--dedupe", "--no-ignore"];

    public static TheoryData<string[]> CorpusArguments => new()
    {
        { [] },
        { ["--json"] },
        { ["--by-file", "--json"] },
        { ["--by-file", "--json", "--cloc-compat", .. LikeCloc] },
        { ["--by-file", "--cloc-compat"] },
        { ["--csv"] },
        { ["--csv", "--by-file", "--exclude-tests"] },
        { ["--json", "--max-file-size", "1", "--exclude-tests"] },
    };

    [Theory]
    [MemberData(nameof(CorpusArguments))]
    public async Task The_corpus_is_reported_byte_for_byte_alike(string[] options)
    {
        await AssertSameAsync([Corpus.Directory, .. options], expectedExit: 0);
    }

    [Fact]
    public async Task Gos_standard_library_file_by_file_is_reported_byte_for_byte_alike()
    {
        Assert.True(Directory.Exists(GoRoot), $"{GoRoot} is missing: install golang-go (scripts/test.sh does)");
        await AssertSameAsync([GoRoot, "--by-file", "--json", "--cloc-compat", .. LikeCloc], expectedExit: 0);
        await AssertSameAsync([GoRoot, "--json"], expectedExit: 0);
    }

    [Theory]
    [InlineData("/no/such/tree")]
    [InlineData("--max-file-size", "0")]
    [InlineData("--json", "--no-such-option", "extra")]
    public async Task Bad_usage_gets_the_same_message_and_exit_code(params string[] args)
    {
        await AssertSameAsync(args, expectedExit: 2);
    }

    private async Task AssertSameAsync(string[] args, int expectedExit)
    {
        var managed = await CommandLine.RunAsync(["loc", .. args]);
        var ours = await native.RunAsync(args);

        Assert.Equal(expectedExit, managed.Exit);
        Assert.Equal(managed.Exit, ours.Exit);
        Assert.Equal(WithoutTimings(managed.Err), WithoutTimings(ours.Err));
        Assert.Equal(WithoutTimings(managed.Out), WithoutTimings(ours.Out));
        if (expectedExit == 0) Assert.NotEmpty(ours.Out);
    }

    /// <summary>The one thing that differs between two runs: the measured time ("elapsedSeconds", and the table's footer).</summary>
    private static string WithoutTimings(string output) =>
        Footer().Replace(Elapsed().Replace(output, "\"elapsedSeconds\": T"), " in T s (R MB/s)");

    [GeneratedRegex("\"elapsedSeconds\": [0-9.eE+-]+")]
    private static partial Regex Elapsed();

    [GeneratedRegex(" in [0-9.]+ s \\([0-9]+ MB/s\\)")]
    private static partial Regex Footer();

    /// <summary>`jiedan-loc`: the file $JIEDAN_LOC_NATIVE names, else published from src/Jiedan.Loc.Native once for the class (about a
    /// minute; the publish's output is in the failure message).</summary>
    public sealed class NativeBinary : IAsyncLifetime
    {
        private readonly string _output = Path.Combine(Path.GetTempPath(), "jiedan-loc-native-" + Guid.NewGuid().ToString("N"));
        private string _path = "";

        public async ValueTask InitializeAsync()
        {
            if (Environment.GetEnvironmentVariable("JIEDAN_LOC_NATIVE") is { Length: > 0 } given)
            {
                Assert.True(File.Exists(given), $"JIEDAN_LOC_NATIVE={given}: no such file");
                _path = given;
                return;
            }
            var project = Path.Combine(RepositoryRoot(), "src", "Jiedan.Loc.Native");
            var publish = await RunProcessAsync("dotnet",
                ["publish", project, "-c", "Release", "-r", "linux-x64", "-o", _output, "-m:1", "-nologo", "-v", "q"]);
            _path = Path.Combine(_output, "jiedan-loc");
            Assert.True(publish.Exit == 0 && File.Exists(_path), $"publishing jiedan-loc failed:\n{publish.Out}\n{publish.Err}");
        }

        public Task<CliResult> RunAsync(string[] args) => RunProcessAsync(_path, args);

        public ValueTask DisposeAsync()
        {
            if (Directory.Exists(_output)) Directory.Delete(_output, recursive: true);
            return ValueTask.CompletedTask;
        }

        private static async Task<CliResult> RunProcessAsync(string file, string[] args)
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in args) start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            await process.WaitForExitAsync(timeout.Token);
            return new CliResult(process.ExitCode, await stdout, await stderr);
        }

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Jiedan.slnx"))) return dir.FullName;
            throw new InvalidOperationException("no Jiedan.slnx above the test's folder");
        }
    }
}
