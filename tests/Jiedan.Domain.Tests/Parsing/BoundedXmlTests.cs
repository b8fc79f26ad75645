using System.Diagnostics;
using System.Text;
using Jiedan.Domain.Parsing;

namespace Jiedan.Domain.Tests.Parsing;

public class BoundedXmlTests
{
    private static readonly XmlLimits Limits = new(MaxDepth: 8, MaxCharacters: 1 << 20);

    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
        <xml><Content>&lol9;</Content></xml>
        """;

    [Fact]
    public void Load_WithinLimits_ReturnsTheElement()
    {
        var root = BoundedXml.Load("<xml><a><b>1</b></a></xml>", Limits);
        Assert.Equal("1", root.Element("a")!.Element("b")!.Value);
    }

    [Fact]
    public void Load_NestedDeeperThanTheLimit_NamesLineColumnAndLimitWithoutContent()
    {
        var xml = "<xml>\n" + string.Concat(Enumerable.Repeat("<secretname>", 9)) + string.Concat(Enumerable.Repeat("</secretname>", 9))
            + "</xml>";
        var e = Assert.Throws<XmlInputException>(() => BoundedXml.Load(xml, Limits));
        Assert.Equal((2, "elements nested deeper than 8"), (e.Line, e.Problem));
        Assert.True(e.Column > 1);
        Assert.DoesNotContain("secretname", e.Message);
    }

    [Fact]
    public void Load_OneMegabyteOfNesting_IsRefusedQuickly()
    {
        var xml = new StringBuilder().Insert(0, "<a>", 200_000).ToString();
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<XmlInputException>(() => BoundedXml.Load(xml, Limits));
        Assert.Contains("nested deeper", e.Problem);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Load_BillionLaughs_RefusesTheDtd()
    {
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<XmlInputException>(() => BoundedXml.Load(BillionLaughs, Limits));
        Assert.Equal("a DTD is not allowed", e.Problem);
        Assert.InRange(e.Line, 1, 2);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Load_ExternalEntity_RefusesTheDtd()
    {
        var xml = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        Assert.Equal("a DTD is not allowed", Assert.Throws<XmlInputException>(() => BoundedXml.Load(xml, Limits)).Problem);
    }

    [Fact]
    public void Load_SkippingTheDoctype_StillDefinesNoEntity()
    {
        var e = Assert.Throws<XmlInputException>(() => BoundedXml.Load(BillionLaughs, Limits with { SkipDoctype = true }));
        Assert.Equal(("an entity that is not defined (DTDs are not read)", 6), (e.Problem, e.Line));
    }

    [Fact]
    public void Load_LongerThanTheLimit_IsRefusedBeforeParsing()
    {
        var e = Assert.Throws<XmlInputException>(() => BoundedXml.Load("<x>" + new string('a', 100) + "</x>", new XmlLimits(8, 50)));
        Assert.Contains("longer than 50 characters", e.Problem);
    }

    [Fact]
    public void CreateReader_StreamLongerThanTheLimit_IsRefused()
    {
        var content = new MemoryStream(Encoding.UTF8.GetBytes("<x>" + new string('a', 100) + "</x>"));
        var e = Assert.Throws<System.Xml.XmlException>(() =>
        {
            using var reader = BoundedXml.CreateReader(content, new XmlLimits(8, 50));
            while (reader.Read()) { }
        });
        Assert.Equal("document too long", BoundedXml.Describe(e));
    }

    [Theory]
    [InlineData("<xml><secretname></xml>")]
    [InlineData("<xml>secretname")]
    [InlineData("<secretname a='1' a='2'/>")]
    public void Load_Malformed_DoesNotEchoTheContent(string xml)
    {
        var e = Assert.Throws<XmlInputException>(() => BoundedXml.Load(xml, Limits));
        Assert.Equal("not well-formed XML", e.Problem);
        Assert.DoesNotContain("secretname", e.Message);
    }
}
