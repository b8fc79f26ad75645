using System.Globalization;
using Jiedan.Domain.Quote.Spec;

namespace Jiedan.Domain.Credibility.Proposal;

/// <summary>The proposal checks' evidence and fixes, in English or Chinese.</summary>
internal sealed class ProposalTexts(bool chinese, long dealId)
{
    private string T(FormattableString en, FormattableString zh) => (chinese ? zh : en).ToString(CultureInfo.InvariantCulture);

    public string NoQuote => T($"deal {dealId} has no quote", $"商机 {dealId} 还没有报价");
    public string QuoteFix => T($"price the deal: jiedan quote SPEC.yml --deal {dealId}", $"为商机报价：jiedan quote SPEC.yml --deal {dealId}");

    public string NoDiagram(long quote) => T($"quote {quote}: no architecture diagram", $"报价 {quote}：没有架构图");
    public string Diagram(long quote, string mermaid) =>
        T($"quote {quote}: Mermaid {FirstWord(mermaid)} diagram, {Lines(mermaid)} lines",
            $"报价 {quote}：Mermaid {FirstWord(mermaid)} 架构图，{Lines(mermaid)} 行");
    public string DiagramFix => chinese
        ? "在报价 spec 中加入 architecture:（Mermaid 图，例如 flowchart LR；jiedan scaffold 生成的 README 里有一份）后重新报价"
        : "add 'architecture:' to the quote spec with a Mermaid diagram (e.g. 'flowchart LR'; the README jiedan scaffold writes "
          + "has one) and quote again";

    public string Sla(long quote, decimal uptime, decimal p99, string? support) => support is null
        ? T($"quote {quote}: availability {uptime} %, response time P99 {p99} ms; no support window",
            $"报价 {quote}：可用性 {uptime} %，响应时间 P99 {p99} ms；没有支持时段")
        : T($"quote {quote}: availability {uptime} %, response time P99 {p99} ms, support {support}",
            $"报价 {quote}：可用性 {uptime} %，响应时间 P99 {p99} ms，支持时段 {support}");
    public string SupportFix => T(
        $"add 'sla: support:' to the quote spec (e.g. 'weekdays 09:00-18:00 UTC+8, first reply within 4 h') and quote again",
        $"在报价 spec 的 sla 中加入 support:（例如“工作日 09:00-18:00 北京时间，4 小时内首次响应”）后重新报价");

    public string Milestones(long quote, IReadOnlyList<Milestone> stages) => stages.Count == 0
        ? T($"quote {quote}: no milestones", $"报价 {quote}：没有里程碑")
        : T($"quote {quote}: {stages.Count} milestone(s): {string.Join("; ", stages.Select(Stage))}",
            $"报价 {quote}：{stages.Count} 个里程碑：{string.Join("；", stages.Select(Stage))}");
    public string MilestonesFix => T(
        $"add 'milestones:' to the quote spec: at least {ProposalScoring.MinMilestones} stages, each with a due date and/or an amount",
        $"在报价 spec 中加入 milestones:：至少 {ProposalScoring.MinMilestones} 个阶段，每个写明日期或金额");

    public string NoRequirement => T($"deal {dealId} has no requirement version", $"商机 {dealId} 还没有需求版本");
    public string RequirementFix => T(
        $"store the confirmed requirement on the deal: jiedan contract requirement.yml --out DIR --deal {dealId} (or the contract page)",
        $"把确认的需求存到商机上：jiedan contract requirement.yml --out DIR --deal {dealId}（或在合同页面保存）");
    public string Unreadable(int version, string why) =>
        T($"requirement v{version} no longer reads: {why}", $"需求 v{version} 无法读取：{why}");
    public string Criteria(RequirementFacts r) =>
        T($"requirement v{r.Version}: {r.Criteria} acceptance criteria; {r.Covered} of {r.Entities.Count} entities covered",
            $"需求 v{r.Version}：{r.Criteria} 条验收标准；{r.Entities.Count} 个实体中 {r.Covered} 个有标准");
    public string CriteriaFix(IReadOnlyList<string> uncovered) => uncovered.Count == 0
        ? T($"add entities with their field rules to the requirement", $"在需求中加入实体及其字段规则")
        : T($"state field rules (required, lengths, ranges, formats, enum values) for {string.Join(", ", uncovered)}",
            $"为 {string.Join("、", uncovered)} 写明字段规则（必填、长度、范围、格式、枚举值）");

    public string ValidUntil(long quote, DateOnly until, int days) =>
        T($"quote {quote}: valid until {Date(until)} ({days} day(s) left)", $"报价 {quote}：有效期至 {Date(until)}（还剩 {days} 天）");
    public string Expired(long quote, DateOnly until, int days) =>
        T($"quote {quote}: expired on {Date(until)} ({days} day(s) ago)", $"报价 {quote}：已于 {Date(until)} 过期（{days} 天前）");
    public string ValidityFix => T($"quote again (jiedan quote SPEC.yml --deal {dealId}); validity_days sets how long it holds",
        $"重新报价（jiedan quote SPEC.yml --deal {dealId}）；validity_days 决定有效天数");

    private static string Stage(Milestone m) => string.Join(" ", new[]
    {
        m.Name, m.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Amount?.ToString(CultureInfo.InvariantCulture),
    }.Where(s => s is not null));

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string FirstWord(string text) => text.Split([' ', '\n', '\r', '\t'], 2, StringSplitOptions.RemoveEmptyEntries)[0];
    private static int Lines(string text) => text.Split('\n').Count(l => l.Trim().Length > 0);
}
