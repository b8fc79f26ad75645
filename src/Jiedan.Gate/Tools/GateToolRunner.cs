using System.Reflection;
using Jiedan.Gate.Evidence;

namespace Jiedan.Gate.Tools;

/// <summary>
/// <c>--run</c>: produces fresh evidence with the tools that are installed, and says which are missing.
/// go: <c>go test -json -coverprofile</c> (tests and coverage), the bundled complexity counter (<c>go run cyclo.go</c>),
/// and, when a benchmark baseline exists, <c>go test -run ^$ -bench . -count 6</c>;
/// gosec: <c>gosec -fmt=sarif</c>; golangci-lint: <c>golangci-lint run --out-format json</c>.
/// A tool that fails to produce its report is a note, not an error: the gate then uses what is there.
/// </summary>
public static class GateToolRunner
{
    public sealed record Outcome(IReadOnlyList<EvidenceFile> Produced, IReadOnlyList<string> Notes);

    public static async Task<Outcome> RunAsync(string projectDir, string workDir, bool benchmarks, CancellationToken ct)
    {
        Directory.CreateDirectory(workDir);
        var produced = new List<EvidenceFile>();
        var notes = new List<string>();
        EvidenceFile Produced(EvidenceKind kind, string file) => new(kind, "run/" + Path.GetFileName(file), file);

        if (ToolProcess.Find("go") is { } go)
        {
            var profile = Path.Combine(workDir, "coverage.out");
            var json = Path.Combine(workDir, "test.json");
            var test = await ToolProcess.RunAsync(go, ["test", "-json", "-coverprofile=" + profile, "./..."], projectDir, json, ct);
            if (File.Exists(json) && new FileInfo(json).Length > 0) produced.Add(Produced(EvidenceKind.GoTestJson, json));
            if (File.Exists(profile)) produced.Add(Produced(EvidenceKind.GoCoverage, profile));
            else notes.Add($"go test wrote no coverage profile (exit {test.ExitCode}): {FirstLine(test.StandardError)}");
            if (test.ExitCode != 0) notes.Add($"go test exited with {test.ExitCode}");

            // The counter's own source lives outside the project, or it would measure itself.
            var cycloDir = Directory.CreateTempSubdirectory("jiedan-cyclo-").FullName;
            try
            {
                var cycloSource = Path.Combine(cycloDir, "cyclo.go");
                await using (var resource = Assembly.GetExecutingAssembly().GetManifestResourceStream("Jiedan.Gate.cyclo.go")!)
                await using (var target = File.Create(cycloSource))
                    await resource.CopyToAsync(target, ct);
                var cycloReport = Path.Combine(workDir, "gocyclo.txt");
                var cyclo = await ToolProcess.RunAsync(go, ["run", cycloSource, projectDir], cycloDir, cycloReport, ct);
                if (cyclo.ExitCode == 0) produced.Add(Produced(EvidenceKind.Complexity, cycloReport));
                else notes.Add($"complexity counter failed: {FirstLine(cyclo.StandardError)}");
            }
            finally
            {
                Directory.Delete(cycloDir, recursive: true);
            }

            if (benchmarks)
            {
                var bench = Path.Combine(workDir, "bench-current.txt");
                var run = await ToolProcess.RunAsync(go, ["test", "-run", "^$", "-bench", ".", "-count", "6", "./..."], projectDir, bench,
                    ct);
                if (run.ExitCode == 0) produced.Add(Produced(EvidenceKind.BenchCurrent, bench));
                else notes.Add($"go test -bench failed: {FirstLine(run.StandardError)}");
            }
        }
        else notes.Add("go is not installed: coverage, tests, complexity and benchmarks come from existing reports only");

        if (ToolProcess.Find("gosec") is { } gosec)
        {
            var sarif = Path.Combine(workDir, "gosec.sarif");
            var run = await ToolProcess.RunAsync(gosec, ["-fmt=sarif", "-out=" + sarif, "-no-fail", "./..."], projectDir, null, ct);
            if (File.Exists(sarif)) produced.Add(Produced(EvidenceKind.Sarif, sarif));
            else notes.Add($"gosec wrote no report: {FirstLine(run.StandardError)}");
        }
        else notes.Add("gosec is not installed: vulnerabilities come from existing SARIF/gosec reports only");

        if (ToolProcess.Find("golangci-lint") is { } lint)
        {
            var report = Path.Combine(workDir, "golangci-lint.json");
            var run = await ToolProcess.RunAsync(lint, ["run", "--out-format", "json", "./..."], projectDir, report, ct);
            if (new FileInfo(report).Length > 0) produced.Add(Produced(EvidenceKind.Golangci, report));
            else notes.Add($"golangci-lint wrote no report: {FirstLine(run.StandardError)}");
        }
        else notes.Add("golangci-lint is not installed: lint findings come from existing reports only");

        return new Outcome(produced, notes);
    }

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "";
}
