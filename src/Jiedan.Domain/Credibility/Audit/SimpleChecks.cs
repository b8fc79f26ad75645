using System.Globalization;

namespace Jiedan.Domain.Credibility.Audit;

/// <summary>
/// The checks that are one figure each: tests (test files present; coverage shown when measured), activity (at least one
/// commit in the last 90 days), releases (a semver tag), docs (at least 80% of exported identifiers documented; a
/// repository of commands only, with nothing exported, passes), benchmarks (a Benchmark function).
/// </summary>
public static class SimpleChecks
{
    public const double DocsThreshold = 0.80;
    public const int MinRecentCommits = 1;

    public static CredibilityCheck Tests(RepositoryFacts facts, AuditLanguage l)
    {
        var n = facts.TestFiles;
        var evidence = l.Say($"{n} *_test.go files", $"{n} 个 *_test.go 文件");
        if (facts.Coverage is { } c)
            evidence += c.Percent is { } p
                ? l.Say($"; coverage {F(p)}% of statements (go test -cover)", $"；语句覆盖率 {F(p)}%（go test -cover）")
                : l.Say($"; coverage not measured: {c.Note}", $"；未测量覆盖率：{c.Note}");
        if (facts.Coverage is { Percent: not null, Note: { } note }) evidence += "; " + note;
        return AuditWeights.Check(AuditWeights.Tests, n > 0, evidence,
            l.Say("add tests next to the code (name_test.go) and run them in CI", "在代码旁添加测试（name_test.go），并在 CI 中运行"));
    }

    public static CredibilityCheck Activity(RepositoryFacts facts, AuditLanguage l)
    {
        const string id = AuditWeights.Activity;
        if (facts.RecentCommits is not { } n)
            return AuditWeights.Check(id, false, l.Say($"git history unreadable: {facts.GitProblem}", $"无法读取 git 历史：{facts.GitProblem}"),
                l.Say("audit a git clone with its history (not a shallow export)", "审计带完整历史的 git 克隆"));
        var last = facts.LastCommit is { } t
            ? l.Say($", last {t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
                $"，最近一次 {t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}")
            : "";
        return AuditWeights.Check(id, n >= MinRecentCommits,
            l.Say($"{n} commits in the last {facts.ActivityDays} days{last}", $"最近 {facts.ActivityDays} 天 {n} 次提交{last}"),
            l.Say("commit fixes or updates: a repository untouched for 90 days looks abandoned", "提交修复或更新：90 天无提交的仓库看起来已被放弃"));
    }

    public static CredibilityCheck Releases(RepositoryFacts facts, AuditLanguage l)
    {
        var tags = SemverTag.Of(facts.Tags);
        return tags.Count == 0
            ? AuditWeights.Check(AuditWeights.Releases, false,
                l.Say($"no semver tag (vMAJOR.MINOR.PATCH) among {facts.Tags.Count} tags",
                    $"{facts.Tags.Count} 个标签中没有语义化版本标签（vMAJOR.MINOR.PATCH）"),
                l.Say("tag a release: git tag v0.1.0 && git push --tags", "打一个发布标签：git tag v0.1.0 && git push --tags"))
            : AuditWeights.Check(AuditWeights.Releases, true,
                l.Say($"{tags.Count} semver tags, newest {tags[0].Name}", $"{tags.Count} 个语义化版本标签，最新 {tags[0].Name}"), "");
    }

    public static CredibilityCheck Docs(RepositoryFacts facts, AuditLanguage l)
    {
        var d = facts.Docs;
        if (d.Exported == 0)
            return AuditWeights.Check(AuditWeights.Docs, true, l.Say("no exported identifiers outside package main",
                "package main 之外没有导出标识符"), "");
        var share = (double)d.Documented / d.Exported;
        var evidence = l.Say($"{d.Documented}/{d.Exported} = {F(100 * share)}% of exported identifiers have a doc comment (threshold 80%)",
            $"{d.Documented}/{d.Exported} = {F(100 * share)}% 的导出标识符有文档注释（阈值 80%）");
        if (d.Undocumented.Count > 0)
            evidence += l.Say("; undocumented: ",
                "；缺少注释：") + string.Join(", ", d.Undocumented.Take(3).Select(u => $"{u.File}:{u.Line} {u.Name}"));
        return AuditWeights.Check(AuditWeights.Docs, share >= DocsThreshold, evidence,
            l.Say("write a doc comment (// Name …) above each exported identifier", "在每个导出标识符上方写文档注释（// Name …）"));
    }

    public static CredibilityCheck Benchmarks(RepositoryFacts facts, AuditLanguage l)
    {
        var b = facts.Benchmarks;
        return b.Count == 0
            ? AuditWeights.Check(AuditWeights.Benchmarks, false, l.Say("no func BenchmarkXxx(b *testing.B)",
                "没有 func BenchmarkXxx(b *testing.B)"),
                l.Say("add a benchmark for the hot path (func BenchmarkX(b *testing.B)) and publish its figures",
                    "为关键路径添加基准测试（func BenchmarkX(b *testing.B)）并公布数据"))
            : AuditWeights.Check(AuditWeights.Benchmarks, true,
                l.Say($"{b.Count} benchmarks, first {b[0].File}:{b[0].Line} {b[0].Name}",
                    $"{b.Count} 个基准测试，第一个 {b[0].File}:{b[0].Line} {b[0].Name}"), "");
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
