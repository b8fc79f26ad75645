using Jiedan.Reporting.Charts;
using Jiedan.Reporting.Documents;

namespace Jiedan.Reporting.Tests;

/// <summary>Documents shared by the renderer tests, mixing Chinese and English the way real reports do.</summary>
internal static class SampleReports
{
    public static ChartSpec StageChart => new(
        ChartKind.Bar,
        "阶段耗时 Stage duration",
        ["首次响应", "方案确认", "法务初审", "用印审批", "合同签署"],
        [new ChartSeries("均值 mean", [1.2, 3.2, 5.7, 4.1, 8.9])])
    {
        YAxisLabel = "工作日 business days",
        HighlightIndices = [4],
        ErrorBars = [2, 6, 12, 9, 21],
        ReferenceLines = [("2× 中位数 median", 8.2)],
    };

    public static ReportDocument DeliveryGate(string language = "zh") => new(
        "交付清单 Delivery checklist",
        [
            new Heading("质量门禁 Quality gate"),
            new Paragraph("本报告由 Jiedan 生成。This report lists every check of the delivery gate."),
            new KeyValueList([new("项目 Project", "order-service"), new("提交 Commit", "3f2c9ab")]),
            new Checklist(
            [
                new ChecklistItem("coverage", "语句覆盖率 Statement coverage", "82.4%", "≥ 80%", CheckStatus.Pass),
                new ChecklistItem("vulns", "高危漏洞 High severity vulnerabilities", "1", "= 0",
                    CheckStatus.Fail) { Note = "G404 in internal/auth/token.go" },
                new ChecklistItem("gover", "Go 版本 Go version", "1.22.3", ">=1.20.0, <1.23.0", CheckStatus.Skipped),
            ]),
            new Heading("阶段耗时 Stage durations"),
            new Table(["阶段 Stage", "均值 Mean", "P90"], [["法务初审 LegalReview", "5.7", "12"], ["合同签署 Signed", "8.9", "21"]])
            {
                NumericColumns = [1, 2],
                HighlightRows = [1],
            },
            new ChartBlock(StageChart),
        ])
    {
        Subtitle = "订单服务 Order service — 第二阶段 stage 2",
        Meta = [new("交易 Deal", "D-2026-017"), new("日期 Date", "2026-11-25"), new("SHA-256", new string('a', 64))],
        Language = language,
    };
}
