namespace Jiedan.Domain.Gate.Testing;

public enum TestStatus { Passed, Failed, Skipped, Flaky }

/// <summary>One test (subtests are tests of their own, as gotestsum counts them), or a package that failed outside any test.</summary>
public sealed record TestOutcome(string Package, string Test, TestStatus Status, double ElapsedSeconds);

/// <summary>What a <c>go test -json</c> stream says: passed, failed, skipped, and flaky (failed, then passed on a rerun).</summary>
public sealed record TestRunSummary(IReadOnlyList<TestOutcome> Tests)
{
    public int Passed => Tests.Count(t => t.Status == TestStatus.Passed);
    public int Failed => Tests.Count(t => t.Status == TestStatus.Failed);
    public int Skipped => Tests.Count(t => t.Status == TestStatus.Skipped);
    public int Flaky => Tests.Count(t => t.Status == TestStatus.Flaky);
}
