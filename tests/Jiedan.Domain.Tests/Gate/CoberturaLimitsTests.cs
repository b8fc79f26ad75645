using System.Diagnostics;
using System.Text;
using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.Coverage;

namespace Jiedan.Domain.Tests.Gate;

public class CoberturaLimitsTests
{
    [Fact]
    public void Parse_TheDoctypeGcovrWrites_IsSkippedUnread()
    {
        const string xml = """
            <?xml version='1.0' encoding='UTF-8'?>
            <!DOCTYPE coverage SYSTEM 'http://127.0.0.1:9/coverage-04.dtd'>
            <coverage><packages><package name="shop"><classes><class filename="a.c"><lines>
            <line number="1" hits="1"/><line number="2" hits="0"/></lines></class></classes></package></packages></coverage>
            """;
        var s = CoberturaReport.Parse(Sample.Text(xml), "coverage.xml");
        Assert.Equal((2L, 1L), (s.Statements, s.Covered));
    }

    [Fact]
    public void Parse_BillionLaughs_DefinesNoEntityAndExpandsNothing()
    {
        var entities = string.Concat(Enumerable.Range(1, 9).Select(i =>
            $"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">"));
        var xml = $"<?xml version=\"1.0\"?>\n<!DOCTYPE coverage [<!ENTITY l0 \"lol\">{entities}]>\n" +
            $"<coverage><packages><package name=\"&l9;\"/></packages></coverage>";
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<GateInputException>(() => CoberturaReport.Parse(Sample.Text(xml), "coverage.xml"));
        Assert.Equal(3, e.Line);
        Assert.Contains("an entity that is not defined", e.Problem);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Parse_DeeplyNested_IsRefusedQuicklyNamingTheLine()
    {
        var xml = new StringBuilder("<coverage>\n").Insert(11, "<secret>", 300_000).ToString();
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<GateInputException>(() => CoberturaReport.Parse(Sample.Text(xml), "coverage.xml"));
        Assert.Equal(2, e.Line);
        Assert.Contains($"elements nested deeper than {CoberturaReport.Limits.MaxDepth}", e.Problem);
        Assert.DoesNotContain("secret", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Parse_Malformed_DoesNotEchoContent()
    {
        var e = Assert.Throws<GateInputException>(() =>
            CoberturaReport.Parse(Sample.Text("<coverage>\n<secretname>\n</coverage>"), "c.xml"));
        Assert.Equal(3, e.Line);
        Assert.DoesNotContain("secretname", e.Message);
    }
}
