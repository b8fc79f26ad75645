using System.Globalization;
using Jiedan.Domain.Quote;
using Jiedan.Reporting.Charts;
using Jiedan.Reporting.Documents;

namespace Jiedan.Quote.Services;

/// <summary>The client-facing proposal for a quote, bilingual (Chinese first), as a shared report document.</summary>
public static class QuoteProposalDocument
{
    public static ReportDocument Build(QuoteView q)
    {
        var blocks = new List<ReportBlock>
        {
            new Heading("报价 Price"),
            new KeyValueList(
            [
                Pair("预期 Expected", Money(q.Price.Expected, q.Currency)),
                Pair("区间 Range", $"{Money(q.Price.Low, q.Currency)} – {Money(q.Price.High, q.Currency)}"),
                .. q.RangePrice is { } rp
                    ? [Pair("按工时区间 Over the effort range", $"{Money(rp.Low, q.Currency)} – {Money(rp.High, q.Currency)}")]
                    : Array.Empty<KeyValuePair<string, string>>(),
                Pair("工时 Effort", $"{N(q.EffortHours)} h"),
                Pair("工时区间 Effort range", q.EffortRange is { } r
                    ? $"{N(r.Low)} – {N(r.High)} h ({Pct(r.Nominal)} 区间 interval; 留一法覆盖 covered {Pct(r.Coverage)}" +
                      $" of {r.Projects} 历史项目 past projects)"
                    : "未测量 not measured (未校准 not calibrated)"),
                Pair("时薪 Hourly rate",
                    $"{Money(q.HourlyRate.Low, q.Currency)} / {Money(q.HourlyRate.Expected, q.Currency)}" +
                    $" / {Money(q.HourlyRate.High, q.Currency)} ({q.Platform}, {q.Seniority})"),
                Pair("风险溢价 Risk premium",
                    $"{q.TierBase} ({q.Tier}) + {q.TechDebtPercent} % × {RiskPremium.PerDebtPercent} = {q.Premium:0.####}"),
                Pair("有效期至 Valid until", q.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ]),
            new Paragraph("价格 = 工时 × 时薪 × 风险溢价；低 / 预期 / 高 分别取时薪区间的下限、中值、上限。" +
                "按工时区间的报价取低工时 × 低时薪至高工时 × 高时薪；工时区间来自历史项目的留一法残差（保形预测）。\n" +
                "Price = effort × hourly rate × risk premium, at the low, middle and high of the rate band. Over the effort range: " +
                "low effort at the low rate to high effort at the high rate; the range comes from the calibration's leave-one-out " +
                "residuals (split-conformal)."),

            new Heading("工作量分解 Effort breakdown"),
            new Table(["层 Layer", "度量 Measure", "工时 Hours", "权重 Weight", "加权工时 Weighted", "计算 How"],
                q.Layers.Select(l => (IReadOnlyList<string>)
                    [LayerName(l.Layer), $"{N(l.Measure)} {l.Unit}", N(l.Hours), l.Weight.ToString("P1", CultureInfo.InvariantCulture),
                        N(l.WeightedHours), l.Formula])
                .Append(["合计 Total", "", "", "", N(q.EffortHours), "rounded to 0.1 h"]).ToList())
            {
                NumericColumns = [2, 3, 4],
                HighlightRows = [q.Layers.Count],
            },
            new ChartBlock(new ChartSpec(ChartKind.HorizontalBar, "各层工时 Hours by layer",
                q.Layers.Select(l => LayerName(l.Layer)).ToList(),
                [new ChartSeries("工时 Hours", q.Layers.Select(l => l.Hours).ToList()),
                    new ChartSeries("加权 Weighted", q.Layers.Select(l => l.WeightedHours).ToList())])
            {
                XAxisLabel = "h",
            }),
        };

        if (q.FunctionPoints.Total > 0)
        {
            blocks.Add(new Heading("功能点 Function points"));
            blocks.Add(new Table(["功能 Feature", "事件 Events", "新增点数 New points"],
                q.FunctionPoints.Features.Select(f => (IReadOnlyList<string>)[f.Feature, f.Steps.ToString(CultureInfo.InvariantCulture),
                    f.NewPoints.ToString(CultureInfo.InvariantCulture)]).ToList())
            { NumericColumns = [1, 2] });
            blocks.Add(new Table(["事件 Event", "类型 Type", "复杂度 Complexity", "点数 Points"],
                q.FunctionPoints.Steps.Select(s => (IReadOnlyList<string>)[s.Event, s.Type, s.Complexity,
                    s.Points.ToString(CultureInfo.InvariantCulture)]).ToList())
            { NumericColumns = [3] });
            blocks.Add(new Paragraph($"合计 {q.FunctionPoints.Total} 个未调整功能点 (IFPUG)." +
                $" Total: {q.FunctionPoints.Total} unadjusted function points."));
        }

        blocks.Add(new Heading("服务等级 Service level"));
        blocks.Add(new KeyValueList(
        [
            Pair("P99 延迟 latency", $"{q.Sla.P99Ms} ms"),
            Pair("可用性 Uptime", $"{q.Sla.UptimePercent} %"),
            Pair("等级 Tier", q.Tier),
            Pair("技术债 Tech debt", $"{q.TechDebtPercent} %" + (q.TechDebt.Measured is { } m
                ? $" ({string.Join(", ", m.Markers.Where(k => k.Value > 0).Select(k => $"{k.Key} {k.Value}"))}" +
                  $"; lint {m.LintFindings}; {m.RemediationMinutes} / {m.DevelopmentMinutes} min)"
                : "")),
            .. q.Terms?.SupportWindow is { } support ? [Pair("支持时段 Support window", support)] : Array.Empty<KeyValuePair<string, string>>(),
        ]));

        if (q.Terms?.Milestones is { Count: > 0 } milestones)
        {
            blocks.Add(new Heading("里程碑 Milestones"));
            blocks.Add(new Table(["阶段 Stage", "日期 Due", "金额 Amount"],
                milestones.Select(m => (IReadOnlyList<string>)[m.Name,
                    m.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—",
                    m.Amount is { } a ? Money(a, q.Currency) : "—"]).ToList())
            { NumericColumns = [2] });
        }
        if (q.Terms?.ArchitectureMermaid is { } architecture)
        {
            blocks.Add(new Heading("架构 Architecture"));
            blocks.Add(new Paragraph(architecture));
        }

        if (q.Cocomo is { } c)
        {
            blocks.Add(new Heading("COCOMO 交叉校验 Cross-check"));
            blocks.Add(new Paragraph($"基本 COCOMO（有机型）Basic COCOMO, organic: E = 2.4 · KLOC^1.05, D = 2.5 · E^0.38.\n" +
                $"{N(c.Kloc)} KLOC → {N(c.PersonMonths)} 人月 person-months ({N(c.EffortHours)} h at {N(c.HoursPerPersonMonth)} h)," +
                $" {N(c.DurationMonths)} 个月 months, {N(c.Staff)} 人 people."));
            if (q.CrossCheck is { Disagrees: true } x) blocks.Add(new Paragraph($"{x.NoteZh}\n{x.NoteEn}"));
        }

        blocks.Add(new Heading("估算依据 Basis of estimate"));
        blocks.Add(new KeyValueList(
        [
            Pair("生产率因子 Factors", q.Factors.Source),
            Pair("规模层精度 Size accuracy", q.Factors.SizeAccuracy?.ToString() ?? "未校准 not calibrated (default factor)"),
            Pair("功能点层精度 FP accuracy", q.Factors.FunctionPointAccuracy?.ToString() ?? "未校准 not calibrated (default factor)"),
        ]));

        var meta = new List<KeyValuePair<string, string>>
        {
            Pair("客户 Client", q.Client ?? "—"),
            Pair("日期 Issued", q.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        if (q.Id is { } id) meta.Add(Pair("报价编号 Quote", id.ToString(CultureInfo.InvariantCulture)));
        if (q.DealId is { } deal) meta.Add(Pair("商机 Deal", deal.ToString(CultureInfo.InvariantCulture)));
        return new ReportDocument($"报价方案 Quote proposal{(q.Title is null ? "" : ": " + q.Title)}", blocks)
        {
            Subtitle = "规模 · 功能点 · SLA 三层估算 Size · function points · SLA",
            Meta = meta,
            Language = "zh",
        };
    }

    private static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);

    private static string LayerName(string layer) => layer switch
    {
        nameof(QuoteLayer.Size) => "规模 Size",
        nameof(QuoteLayer.FunctionPoints) => "功能点 FP",
        _ => "SLA",
    };

    private static string N(double x) => x.ToString("#,0.##", CultureInfo.InvariantCulture);
    private static string Pct(double x) => (x * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Money(decimal amount, string currency) => QuoteFormat.Money(amount, currency);
}
