using System.Globalization;
using Jiedan.Domain.Gate.Checklist;
using Jiedan.Reporting.Charts;
using Jiedan.Reporting.Documents;

namespace Jiedan.Gate.Reports;

/// <summary>The client-facing deliverables checklist as a shared report document (HTML, PDF, Markdown), in Chinese and English.</summary>
public static class GateReportDocument
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static ReportDocument Build(GateOutcome o, string language = "zh")
    {
        var zh = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        string T(string en, string cn) => zh ? $"{cn} {en}" : $"{en} {cn}";
        var blocks = new List<ReportBlock>
        {
            new Heading(T("Checks", "检查项")),
            new Checklist(o.Checklist.Checks.Select(c => new ChecklistItem(c.Id, zh
                ? $"{c.TitleZh} / {c.Title}" : $"{c.Title} / {c.TitleZh}", c.Measured, c.Threshold, Map(c.Status))
            {
                Note = c.Status == GateStatus.Missing ? T("required evidence missing", "缺少必需的证据") : null,
            }).ToList()),
        };

        var blocking = o.Checklist.Checks.Where(c => c.Blocks && c.Details.Count > 0).ToList();
        if (blocking.Count > 0)
        {
            blocks.Add(new Heading(T("What blocks acceptance", "未达标项")));
            foreach (var c in blocking)
            {
                blocks.Add(new Heading(zh ? c.TitleZh : c.Title, 3));
                blocks.Add(new Paragraph(string.Join("\n", c.Details.Take(25))
                    + (c.Details.Count > 25 ? $"\n… (+{c.Details.Count - 25})" : "")));
            }
        }

        if (o.Evidence.Coverage is { Packages.Count: > 0 } coverage)
        {
            blocks.Add(new Heading(T("Coverage by package", "各包覆盖率")));
            if (coverage.Format == "go")
                blocks.Add(new Paragraph(coverage.InFunctions is { } f
                    ? T($"Total {f.Display} as go tool cover -func prints it (statements in functions; the threshold uses it); "
                        + $"all statements {coverage.AllStatements.Display}; per package as go test -cover prints it.",
                        $"总计 {f.Display}（与 go tool cover -func 一致，仅计函数内语句，阈值以此为准）；全部语句 {coverage.AllStatements.Display}；"
                        + "各包数值与 go test -cover 一致。")
                    : T($"All statements {coverage.AllStatements.Display} (Go sources not found, so no go tool cover -func total); "
                        + "per package as go test -cover prints it.",
                        $"全部语句 {coverage.AllStatements.Display}（未找到 Go 源码，无法计算 go tool cover -func 总计）；各包数值与 go test -cover 一致。")));
            var labels = ShortNames(coverage.Packages.Select(p => p.Package).ToList());
            blocks.Add(new ChartBlock(new ChartSpec(ChartKind.HorizontalBar, T("Statement coverage by package (%)", "各包语句覆盖率（%）"), labels,
                [new ChartSeries(T("coverage", "覆盖率"), coverage.Packages.Select(p => Math.Round(p.Percent, 1)).ToList())])
            {
                ReferenceLines = [(T("threshold", "阈值"), o.Policy.Coverage.Min)],
                HighlightIndices = coverage.Packages.Select((p, i) => (p, i)).Where(x => x.p.Percent < o.Policy.Coverage.Min)
                    .Select(x => x.i).ToList(),
                XAxisLabel = "%",
            }));
            blocks.Add(new Table([T("Package", "包"), T("Statements", "语句"), T("Covered", "已覆盖"), "%"],
                coverage.Packages.Select(p => (IReadOnlyList<string>)[p.Package, p.Statements.ToString(Inv), p.Covered.ToString(Inv),
                    Jiedan.Domain.Gate.Coverage.CoveragePercent.FormatOneDecimal(p.Percent)]).ToList())
            {
                NumericColumns = [1, 2, 3],
                HighlightRows = coverage.Packages.Select((p, i) => (p, i)).Where(x => x.p.Percent < o.Policy.Coverage.Min).Select(x => x.i)
                    .ToList(),
            });
        }

        if (o.Evidence.Benchmarks is { Count: > 0 } bench)
        {
            blocks.Add(new Heading(T("Benchmarks against the baseline", "基准性能对比")));
            var time = bench.Where(b => b.IsTime).ToList();
            if (time.Count > 0)
                blocks.Add(new ChartBlock(new ChartSpec(ChartKind.Bar, T("Time per op, change vs baseline (%)", "单次耗时相对基线的变化（%）"),
                    time.Select(b => b.Name.Replace("Benchmark", "", StringComparison.Ordinal)).ToList(),
                    [new ChartSeries("Δ %", time.Select(b => b.Significant ? Math.Round(b.DeltaPercent, 2) : 0).ToList())])
                {
                    ReferenceLines = [(T("limit", "上限"), o.Policy.Benchmarks.MaxRegression)],
                    HighlightIndices = time.Select((b, i) => (b, i))
                        .Where(x => x.b.Significant && x.b.WorsePercent > o.Policy.Benchmarks.MaxRegression).Select(x => x.i).ToList(),
                    YAxisLabel = "%",
                }));
            blocks.Add(new Table([T("Benchmark", "基准"), T("Unit", "单位"), T("Baseline", "基线"), T("Current", "当前"), "Δ", "p"],
                bench.Select(b => (IReadOnlyList<string>)[b.Name, b.Unit, Stat(b.Baseline), Stat(b.Current), b.Display,
                    Jiedan.Domain.Gate.GoFixedFormat.Format(b.PValue, 3)]).ToList())
            {
                NumericColumns = [2, 3, 5],
            });
        }

        blocks.Add(new Heading(T("Evidence", "证据")));
        blocks.Add(new Table([T("Kind", "类型"), T("File", "文件")],
            o.Files.Select(f => (IReadOnlyList<string>)[f.Kind.ToString(), f.Name]).ToList()));
        if (o.Notes.Count > 0) blocks.Add(new Paragraph(string.Join("\n", o.Notes)));

        return new ReportDocument(T("Delivery checklist", "交付验收清单"), blocks)
        {
            Subtitle = o.Checklist.Passed ? T("Gate passed", "验收通过") : T("Gate failed", "验收未通过"),
            Language = zh ? "zh" : "en",
            Meta =
            [
                new(T("Project", "项目"), Path.GetFileName(o.ProjectDir)),
                new(T("Time (UTC)", "时间（UTC）"), o.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Inv)),
                new(T("Evidence SHA-256", "证据 SHA-256"), o.EvidenceSha256),
            ],
        };
    }

    private static string Stat(Jiedan.Domain.Gate.Benchmarks.SampleSummary s) =>
        s.Median.ToString("G4", Inv) + " ± " + s.RangeDisplay;

    public static CheckStatus Map(GateStatus status) => status switch
    {
        GateStatus.Pass => CheckStatus.Pass,
        GateStatus.Skipped => CheckStatus.Skipped,
        _ => CheckStatus.Fail,
    };

    /// <summary>Package paths without their common prefix, so chart labels stay short.</summary>
    private static List<string> ShortNames(List<string> packages)
    {
        if (packages.Count < 2) return packages.Select(p => p[(p.LastIndexOf('/') + 1)..]).ToList();
        var prefix = packages[0];
        foreach (var p in packages)
            while (!p.StartsWith(prefix, StringComparison.Ordinal)) prefix = prefix[..Math.Max(0, prefix.LastIndexOf('/'))];
        return packages.Select(p => p.Length > prefix.Length ? p[prefix.Length..].TrimStart('/') : p).ToList();
    }
}
