namespace Jiedan.Reporting.Documents;

/// <summary>The few fixed labels renderers add themselves, in English or Chinese.</summary>
internal sealed record ReportTexts(
    string Check, string Measured, string Threshold, string Status, string Note,
    string Pass, string Fail, string Skipped, string Error,
    string SummaryFormat, string ChartNote, string HtmlLang, string PageFormat)
{
    private static readonly ReportTexts English = new(
        "Check", "Measured", "Threshold", "Status", "Note",
        "Pass", "Fail", "Skipped", "Error",
        "{0} passed, {1} failed, {2} skipped, {3} errors",
        "Chart: see the HTML or PDF report. Data:", "en", "Page {0} of {1}");

    private static readonly ReportTexts Chinese = new(
        "检查项", "实测", "阈值", "结果", "备注",
        "通过", "未通过", "跳过", "错误",
        "通过 {0} 项，未通过 {1} 项，跳过 {2} 项，错误 {3} 项",
        "图表见 HTML 或 PDF 报告。数据：", "zh-CN", "第 {0} 页，共 {1} 页");

    public static ReportTexts For(string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    public string StatusLabel(CheckStatus status) => status switch
    {
        CheckStatus.Pass => Pass,
        CheckStatus.Fail => Fail,
        CheckStatus.Skipped => Skipped,
        _ => Error,
    };

    public string Page(int number, int count) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, PageFormat, number, count);

    public string Summary(IReadOnlyList<ChecklistItem> items) => string.Format(
        System.Globalization.CultureInfo.InvariantCulture, SummaryFormat,
        items.Count(i => i.Status == CheckStatus.Pass),
        items.Count(i => i.Status == CheckStatus.Fail),
        items.Count(i => i.Status == CheckStatus.Skipped),
        items.Count(i => i.Status == CheckStatus.Error));
}
