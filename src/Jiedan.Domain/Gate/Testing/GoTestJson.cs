using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Jiedan.Domain.Parsing;

namespace Jiedan.Domain.Gate.Testing;

/// <summary>
/// Reads <c>go test -json</c> (test2json) streams. A test that both failed and passed (<c>-count=N</c>, or a rerun
/// appended to the same file) is flaky. A package that fails with no failing test (build failure, panic in TestMain)
/// counts as one failed entry named "(package)". Plain text lines (Go prints build failures as text) are read for
/// <c>FAIL pkg [build failed]</c> and otherwise ignored; a line that starts like JSON but is not is an error.
/// </summary>
public static partial class GoTestJson
{
    public const string PackageEntry = "(package)";

    private sealed record TestEvent(
        [property: JsonPropertyName("Action")] string? Action,
        [property: JsonPropertyName("Package")] string? Package,
        [property: JsonPropertyName("Test")] string? Test,
        [property: JsonPropertyName("Elapsed")] double? Elapsed);

    [GeneratedRegex(@"^FAIL\s+(\S+)\s+\[(build failed|setup failed)\]")]
    private static partial Regex BuildFailed();

    private sealed class Tally
    {
        public bool Passed, Failed, Skipped;
        public double Elapsed;
    }

    public static TestRunSummary Parse(TextReader content, string name)
    {
        var tests = new Dictionary<(string Package, string Test), Tally>();
        var failedPackages = new HashSet<string>(StringComparer.Ordinal);
        long number = 0;
        var events = 0;
        foreach (var line in BoundedLines.Read(content, (n, problem) => new GateInputException(name, n, problem)))
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0) continue;
            if (!text.StartsWith('{'))
            {
                if (BuildFailed().Match(text) is { Success: true } m) failedPackages.Add(m.Groups[1].Value);
                continue;
            }
            TestEvent? e;
            try
            {
                e = JsonSerializer.Deserialize<TestEvent>(text, BoundedJson.SerializerOptions);
            }
            catch (JsonException ex)
            {
                throw new GateInputException(name, number, $"malformed test2json event: {BoundedJson.Describe(ex)}", ex);
            }
            if (e?.Action is null) throw new GateInputException(name, number, "test2json event without an 'Action'");
            events++;
            var package = e.Package ?? "";
            if (e.Test is null)
            {
                if (e.Action is "fail" or "build-fail") failedPackages.Add(package);
                continue;
            }
            if (!tests.TryGetValue((package, e.Test), out var tally)) tests[(package, e.Test)] = tally = new Tally();
            switch (e.Action)
            {
                case "pass": tally.Passed = true; tally.Elapsed = e.Elapsed ?? tally.Elapsed; break;
                case "fail": tally.Failed = true; tally.Elapsed = e.Elapsed ?? tally.Elapsed; break;
                case "skip": tally.Skipped = true; break;
            }
        }
        if (events == 0 && failedPackages.Count == 0) throw new GateInputException(name, null,
            "no test2json events (was it written by 'go test -json'?)");

        var outcomes = new List<TestOutcome>();
        foreach (var ((package, test), t) in tests.OrderBy(k => k.Key.Package, StringComparer.Ordinal)
            .ThenBy(k => k.Key.Test, StringComparer.Ordinal))
        {
            var status = (t.Failed, t.Passed, t.Skipped) switch
            {
                (true, true, _) => TestStatus.Flaky,
                (true, false, _) => TestStatus.Failed,
                (false, true, _) => TestStatus.Passed,
                (false, false, true) => TestStatus.Skipped,
                // Started but never finished: the run was cut short (a panic or timeout kills the binary).
                _ => TestStatus.Failed,
            };
            outcomes.Add(new TestOutcome(package, test, status, t.Elapsed));
        }
        foreach (var package in failedPackages.Order(StringComparer.Ordinal))
            if (!outcomes.Any(o => o.Package == package && o.Status is TestStatus.Failed or TestStatus.Flaky))
                outcomes.Add(new TestOutcome(package, PackageEntry, TestStatus.Failed, 0));
        return new TestRunSummary(outcomes);
    }
}
