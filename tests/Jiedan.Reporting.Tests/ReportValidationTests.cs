using Jiedan.Reporting.Charts;
using Jiedan.Reporting.Documents;

namespace Jiedan.Reporting.Tests;

public class ReportValidationTests
{
    private static readonly ReportDocument RaggedTable = new("Deals",
    [
        new Paragraph("ok"),
        new Table(["id", "amount"], [["D-1", "10"], ["D-2"]]),
    ]);

    public static TheoryData<string> Renderers => ["html", "markdown", "pdf"];

    [Theory]
    [MemberData(nameof(Renderers))]
    public void A_ragged_table_is_rejected_naming_the_block_and_row(string renderer)
    {
        using var output = new MemoryStream();

        var error = Assert.Throws<ArgumentException>(() => Render(renderer, RaggedTable, output));

        Assert.Contains("block 1", error.Message);
        Assert.Contains("row 1 has 1 cells for 2 columns", error.Message);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void Out_of_range_indices_are_rejected()
    {
        var numeric = new ReportDocument("T", [new Table(["a"], [["1"]]) { NumericColumns = [1] }]);
        var highlight = new ReportDocument("T", [new Table(["a"], [["1"]]) { HighlightRows = [-1] }]);
        var chart = new ReportDocument("T",
            [new ChartBlock(new ChartSpec(ChartKind.Bar, "c", ["x"], [new ChartSeries("s", [1])]) { HighlightIndices = [3] })]);

        Assert.Contains("numeric column 1", Assert.Throws<ArgumentException>(() => HtmlReport.Render(numeric)).Message);
        Assert.Contains("highlight row -1", Assert.Throws<ArgumentException>(() => MarkdownReport.Render(highlight)).Message);
        Assert.Contains("highlight index 3", Assert.Throws<ArgumentException>(() => PdfReport.Render(chart)).Message);
    }

    private static void Render(string renderer, ReportDocument doc, Stream output)
    {
        switch (renderer)
        {
            case "html":
                HtmlReport.Render(doc);
                break;
            case "markdown":
                MarkdownReport.Render(doc);
                break;
            default:
                PdfReport.Render(doc, output);
                break;
        }
    }
}
