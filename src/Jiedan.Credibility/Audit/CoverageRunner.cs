using Jiedan.Domain.Credibility.Audit;
using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.Coverage;
using Jiedan.Files;

namespace Jiedan.Credibility.Audit;

/// <summary>
/// <c>--coverage</c>: <c>go test -coverprofile ./...</c> in the clone, read with the gate's profile reader. Opt-in because it
/// builds and runs the repository's own code (minutes, and code the auditor may not trust).
/// </summary>
internal static class CoverageRunner
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    private const long MaxProfileBytes = 256L * 1024 * 1024;

    public static async Task<Coverage> MeasureAsync(string root, CancellationToken ct)
    {
        var go = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "go")).FirstOrDefault(File.Exists);
        if (go is null) return new Coverage(null, "go is not installed");
        var dir = Directory.CreateTempSubdirectory("jiedan-audit-cover-").FullName;
        try
        {
            var profile = Path.Combine(dir, "coverage.out");
            var run = await BoundedProcess.RunAsync(go, ["test", "-count=1", "-coverprofile=" + profile, "./..."], root, 16 * 1024 * 1024,
                Timeout, ct);
            if (run.TimedOut) return new Coverage(null, $"go test ran longer than {Timeout.TotalMinutes:0} minutes");
            if (RegularFile.KindOf(profile) != FileKind.Regular)
                return new Coverage(null, $"go test wrote no profile (exit {run.ExitCode})");
            await using var stream = RegularFile.OpenRead(profile, MaxProfileBytes);
            var summary = GoCoverageProfile.Summarize([(stream, "coverage.out")]);
            return new Coverage(Math.Round(summary.Percent, 1), run.ExitCode == 0 ? null : $"go test exited with {run.ExitCode}");
        }
        catch (GateInputException e)
        {
            return new Coverage(null, e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
