using System.Text.RegularExpressions;
using System.Xml.Linq;
using Jiedan.Reporting.Charts;
using Jiedan.Reporting.Documents;

namespace Jiedan.Reporting.Tests;

public class HtmlReportTests
{
    [Fact]
    public void Caller_text_is_escaped_everywhere()
    {
        const string attack = "<script>alert('x')</script>";
        var doc = new ReportDocument(attack,
        [
            new Heading(attack),
            new Paragraph(attack),
            new KeyValueList([new(attack, attack)]),
            new Table([attack], [[attack]]),
            new Checklist([new ChecklistItem(attack, attack, attack, attack, CheckStatus.Fail) { Note = attack }]),
        ])
        { Subtitle = attack, Meta = [new(attack, attack)] };

        var html = HtmlReport.Render(doc);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Theory]
    [InlineData("zh", "zh-CN", "未通过")]
    [InlineData("en", "en", "Fail")]
    public void The_page_declares_its_language_and_labels_statuses_in_it(string language, string htmlLang, string failLabel)
    {
        var html = HtmlReport.Render(SampleReports.DeliveryGate(language));

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"" + htmlLang + "\">", html);
        Assert.Contains("<meta charset=\"utf-8\">", html);
        Assert.Contains($"<span class=\"status fail\">{failLabel}</span>", html);
    }

    [Fact]
    public void Charts_are_inline_svg_with_ids_unique_across_the_page()
    {
        var first = new ChartBlock(SampleReports.StageChart);
        var second = new ChartBlock(SampleReports.StageChart with { Kind = ChartKind.HorizontalBar });
        var html = HtmlReport.Render(new ReportDocument("Charts", [first, second]));

        var svgs = Regex.Matches(html, "<svg.*?</svg>", RegexOptions.Singleline).Select(m => XElement.Parse(m.Value)).ToList();
        Assert.Equal(2, svgs.Count);
        Assert.All(svgs, svg => Assert.NotNull(svg.Attribute("viewBox")));
        var ids = svgs.SelectMany(s => s.DescendantsAndSelf()).Select(e => e.Attribute("id")?.Value).OfType<string>().ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.DoesNotContain("http://", Regex.Replace(html, "xmlns(:xlink)?=\"[^\"]+\"", ""));
    }

    [Fact]
    public void Tables_mark_numeric_columns_and_highlighted_rows()
    {
        var html = HtmlReport.Render(SampleReports.DeliveryGate());

        Assert.Contains("<tr class=\"highlight\"><td>合同签署 Signed</td><td class=\"num\">8.9</td><td class=\"num\">21</td></tr>", html);
    }
}
