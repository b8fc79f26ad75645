using System.Diagnostics;
using System.Text;
using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.Coverage;

namespace Jiedan.Domain.Tests.Gate;

public class CoberturaLimitsTests
{
    [Fact]
    public void Parse_BillionLaughs_RefusesTheDtdWithoutExpanding()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE coverage [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <coverage><packages><package name="&c;"/></packages></coverage>
            """;
        var e = Assert.Throws<GateInputException>(() => CoberturaReport.Parse(Sample.Text(xml), "coverage.xml"));
        Assert.InRange(e.Line ?? 0, 1, 2);
        Assert.Contains("a DTD is not allowed", e.Problem);
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
        var e = Assert.Throws<GateInputException>(() => CoberturaReport.Parse(Sample.Text("<coverage>\n<secretname>\n</coverage>"), "c.xml"));
        Assert.Equal(3, e.Line);
        Assert.DoesNotContain("secretname", e.Message);
    }
}
