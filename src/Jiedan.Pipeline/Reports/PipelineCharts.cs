using Jiedan.Domain.Pipeline;
using Jiedan.Reporting.Charts;

namespace Jiedan.Pipeline.Reports;

/// <summary>The pipeline report's charts, shared by <c>jiedan pipeline report --chart</c>, the API and the analytics page.</summary>
public static class PipelineCharts
{
    public static readonly string[] Kinds = ["durations", "funnel", "blocked"];

    public static ChartSpec Build(string kind, PipelineReport report, string language) => kind switch
    {
        "durations" => Durations(report, language),
        "funnel" => Funnel(report, language),
        "blocked" => Blocked(report, language),
        _ => throw new ArgumentException($"unknown chart '{kind}' (known: {string.Join(", ", Kinds)})", nameof(kind)),
    };

    /// <summary>Mean business days per stage with P90 markers; bottleneck stages highlighted against 2× the median.</summary>
    public static ChartSpec Durations(PipelineReport report, string language)
    {
        var zh = IsChinese(language);
        var stages = report.Stages;
        return new ChartSpec(ChartKind.Bar, zh ? "各阶段耗时（工作日）：均值与 P90" : "Time in stage (business days): mean and P90",
            stages.Select(s => s.Stage.Label(language)).ToList(),
            [new ChartSeries(zh ? "均值" : "Mean", stages.Select(s => Math.Round(s.Durations.Mean, 2)).ToList())])
        {
            YAxisLabel = zh ? "工作日" : "Business days",
            ErrorBars = stages.Select(s => (double)s.Durations.P90).ToList(),
            HighlightIndices = stages.Select((s, i) => (s, i)).Where(p => p.s.IsBottleneck).Select(p => p.i).ToList(),
            ReferenceLines = report.MedianOfStageMeans > 0
                ? [(zh ? "中位数的 2 倍（瓶颈线）" : "2× median (bottleneck line)", 2 * report.MedianOfStageMeans)] : [],
        };
    }

    public static ChartSpec Funnel(PipelineReport report, string language)
    {
        var zh = IsChinese(language);
        return new ChartSpec(ChartKind.HorizontalBar, zh ? "转化漏斗：到达各阶段的订单数" : "Funnel: deals reaching each stage",
            report.Funnel.Select(f => f.Stage.Label(language)).ToList(),
            [new ChartSeries(zh ? "订单数" : "Deals", report.Funnel.Select(f => (double)f.Reached).ToList())])
        {
            XAxisLabel = zh ? "订单数" : "Deals",
        };
    }

    public static ChartSpec Blocked(PipelineReport report, string language)
    {
        var zh = IsChinese(language);
        var stages = report.Stages;
        return new ChartSpec(ChartKind.Bar, zh ? "各阶段阻塞率（超过阈值的订单占比）" : "Blocked rate (share of deals past the stage threshold)",
            stages.Select(s => s.Stage.Label(language)).ToList(),
            [new ChartSeries(zh ? "阻塞率 %" : "Blocked %", stages.Select(s => Math.Round(100 * s.BlockedRate, 1)).ToList())])
        {
            YAxisLabel = "%",
            HighlightIndices = stages.Select((s, i) => (s, i)).Where(p => p.s.IsBottleneck).Select(p => p.i).ToList(),
        };
    }

    private static bool IsChinese(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
