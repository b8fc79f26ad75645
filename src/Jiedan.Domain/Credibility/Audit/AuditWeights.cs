namespace Jiedan.Domain.Credibility.Audit;

/// <summary>The check ids and their weights in the repository score (docs/credibility.md, "Repository audit"); they sum to
/// 100, so a weight is the points its check adds.</summary>
public static class AuditWeights
{
    public const string Layout = "layout", ModulePath = "module-path", Readme = "readme", License = "license", Ci = "ci",
        Tests = "tests", Activity = "activity", Releases = "releases", Docs = "docs", Benchmarks = "benchmarks";

    public static IReadOnlyDictionary<string, double> All { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [Readme] = 15, [Ci] = 15, [Tests] = 12, [ModulePath] = 10, [License] = 10,
        [Layout] = 8, [Activity] = 8, [Docs] = 8, [Releases] = 7, [Benchmarks] = 7,
    };

    public static CredibilityCheck Check(string id, bool passed, string evidence, string fix) =>
        new(id, passed, evidence, passed ? "" : fix, All[id]);
}
