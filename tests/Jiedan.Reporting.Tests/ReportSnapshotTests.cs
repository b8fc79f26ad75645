using Jiedan.Reporting.Documents;
using Jiedan.Testing;

namespace Jiedan.Reporting.Tests;

/// <summary>
/// The sample delivery-gate report rendered whole, in both languages, against the golden files in <c>__snapshots__</c>
/// (update: <c>JIEDAN_UPDATE_SNAPSHOTS=1</c>): layout, labels, the chart's SVG and its data table are the behaviour.
/// </summary>
public class ReportSnapshotTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void Markdown(string language) =>
        Snapshot.Match(MarkdownReport.Render(SampleReports.DeliveryGate(language)), $"delivery-gate.{language}.md");

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void Html(string language) =>
        Snapshot.Match(HtmlReport.Render(SampleReports.DeliveryGate(language)), $"delivery-gate.{language}.html");
}
