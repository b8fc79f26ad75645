using System.Globalization;
using Jiedan.Domain.Parsing;

namespace Jiedan.Domain.Credibility.Audit;

/// <summary>
/// A workflow under .github/workflows that runs tests and, when the Actions API was read, a pass rate of at least 92%:
/// successful ÷ completed runs of the default branch among its last 50 runs, pushes included (a solo maintainer who
/// pushes to main is measured on those runs). Without the API the workflow alone decides, and the evidence says so.
/// </summary>
public static class CiCheck
{
    public const double Threshold = 0.92;
    public const int Window = 50;

    public static CredibilityCheck Evaluate(RepositoryFacts facts, AuditLanguage l)
    {
        const string id = AuditWeights.Ci;
        var notes = new List<string>();
        string? testing = null;
        foreach (var w in facts.Workflows)
        {
            if (w.Text is null) { notes.Add($"{w.Path}: {w.Problem}"); continue; }
            try
            {
                if (WorkflowTests.FirstTestStep(w.Text) is { } line) { testing = $"{w.Path}:{line}"; break; }
            }
            catch (PositionedParseException e)
            {
                notes.Add($"{w.Path}:{e.Line}:{e.Column}: {e.Problem}");
            }
        }
        var workflow = testing is null
            ? l.Say(facts.Workflows.Count == 0 ? "no workflow under .github/workflows" : "no workflow step runs tests",
                facts.Workflows.Count == 0 ? ".github/workflows 下没有工作流" : "没有运行测试的工作流步骤")
            : l.Say($"{testing} runs tests", $"{testing} 运行测试");
        if (notes.Count > 0) workflow += " (" + string.Join("; ", notes.Take(3)) + ")";
        var addWorkflow = l.Say("add .github/workflows/ci.yml that runs 'go test ./...' on push and pull_request",
            "添加 .github/workflows/ci.yml，在 push 和 pull_request 时运行 'go test ./...'");
        if (testing is null) return AuditWeights.Check(id, false, workflow, addWorkflow);
        if (facts.CiRuns is not { } runs)
            return AuditWeights.Check(id, true,
                workflow + l.Say("; pass rate not measured (pass --github-token or --github-api)",
                    "；未测量通过率（传入 --github-token 或 --github-api）"),
                "");
        if (runs.Problem is not null)
            return AuditWeights.Check(id, true, workflow + l.Say($"; Actions API: {runs.Problem}", $"；Actions API：{runs.Problem}"), "");
        var branch = runs.Branch ?? "?";
        if (runs.Completed == 0)
            return AuditWeights.Check(id, false,
                workflow + l.Say($"; no completed run on {branch} among the last {runs.Listed}", $"；{branch} 最近 {runs.Listed} 次运行中没有已完成的"),
                l.Say($"push to {branch} so the workflow runs there", $"推送到 {branch}，让工作流在该分支上运行"));
        var rate = (double)runs.Successful / runs.Completed;
        var figure = string.Create(CultureInfo.InvariantCulture, $"{runs.Successful}/{runs.Completed} = {rate:P0}").Replace(" %", "%",
            StringComparison.Ordinal);
        var passed = rate >= Threshold;
        return AuditWeights.Check(id, passed,
            workflow + l.Say($"; {branch}: {figure} of completed runs succeeded (threshold 92%)", $"；{branch}：已完成运行成功 {figure}（阈值 92%）"),
            l.Say($"fix the failing runs on {branch}; the rate counts the last {Window} runs",
                $"修复 {branch} 上失败的运行；通过率按最近 {Window} 次运行计算"));
    }
}
