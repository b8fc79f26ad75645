using Jiedan.Reporting.Documents;
using Markdig;

namespace Jiedan.Reporting.Tests;

// Markdig (a CommonMark + GitHub pipe-table implementation) is the reference reader for what the renderer writes.
public class MarkdownReportTests
{
    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UsePipeTables().Build();

    [Fact]
    public void A_pipe_in_a_cell_stays_inside_its_cell()
    {
        var doc = new ReportDocument("T", [new Table(["a|b", "c"], [["x | y", "z"]])]);

        var html = Markdown.ToHtml(MarkdownReport.Render(doc), Gfm);

        Assert.Contains("<th>a|b</th>", html);
        Assert.Contains("<td>x | y</td>", html);
        Assert.Contains("<td>z</td>", html);
    }

    [Fact]
    public void Markup_in_caller_text_is_shown_literally()
    {
        var doc = new ReportDocument("**bold** <b>x</b>", [new Paragraph("# not a heading\n1. not a list\n_under_ [link](http://x)")]);

        var html = Markdown.ToHtml(MarkdownReport.Render(doc), Gfm);

        Assert.Contains("<h1>**bold** &lt;b&gt;x&lt;/b&gt;</h1>", html);
        Assert.DoesNotContain("<h1>not a heading", html);
        Assert.DoesNotContain("<ol>", html);
        Assert.DoesNotContain("<em>", html);
        Assert.DoesNotContain("<a ", html);
        Assert.Contains("# not a heading", html);
    }

    [Fact]
    public void The_checklist_is_a_table_with_status_icons_and_a_summary()
    {
        var markdown = MarkdownReport.Render(SampleReports.DeliveryGate("en"));
        var html = Markdown.ToHtml(markdown, Gfm);

        Assert.Contains("**1 passed, 1 failed, 1 skipped, 0 errors**", markdown);
        Assert.Contains("<td>✅ Pass</td>", html);
        Assert.Contains("<td>❌ Fail</td>", html);
        Assert.Contains("<td>G404 in internal/auth/token.go</td>", html);
        Assert.Contains("<th style=\"text-align: right;\">Measured</th>", html);
    }

    [Fact]
    public void A_chart_becomes_a_collapsed_data_table()
    {
        var markdown = MarkdownReport.Render(SampleReports.DeliveryGate("zh"));

        Assert.Contains("<summary>📊 阶段耗时 Stage duration</summary>", markdown);
        Assert.Contains("| **合同签署** | **8.9** |", markdown);
    }

    [Fact]
    public void Line_breaks_inside_a_cell_do_not_end_the_row()
    {
        var doc = new ReportDocument("T", [new Table(["k", "v"], [["multi\nline", "1"], ["next", "2"]])]);

        var html = Markdown.ToHtml(MarkdownReport.Render(doc), Gfm);

        Assert.Contains("<td>multi<br>line</td>", html);
        Assert.Contains("<td>next</td>", html);
        Assert.Equal(3, html.Split("<tr>").Length - 1);
    }
}
