using System.Diagnostics;
using Jiedan.Domain.Calendar;
using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.Policy;
using Jiedan.Domain.Parsing;
using Jiedan.Domain.Quote.Spec;

namespace Jiedan.Domain.Tests.Parsing;

public sealed class BoundedYamlTests
{
    [Fact]
    public void Load_BillionLaughs_RefusedAtTheFirstAnchorQuickly()
    {
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<PositionedParseException>(() => BoundedYaml.Load(HostileYaml.BillionLaughs("z")));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Equal((1, 4), (e.Line, e.Column));
        Assert.Contains("anchors", e.Problem);
    }

    [Fact]
    public void Load_AliasWithoutAnchor_NamesItsPosition()
    {
        var e = Assert.Throws<PositionedParseException>(() => BoundedYaml.Load("a: 1\nb: *x\n"));
        Assert.Equal((2, 4), (e.Line, e.Column));
    }

    [Fact]
    public void Load_DeepNesting_Refused()
    {
        var e = Assert.Throws<PositionedParseException>(() => BoundedYaml.Load(HostileYaml.Nested(100_000)));
        Assert.Contains("nested deeper than 32", e.Problem);
    }

    [Fact]
    public void Load_NestingAtTheCap_Accepted() => Assert.Single(BoundedYaml.Load(HostileYaml.Nested(32)).Documents);

    [Fact]
    public void Load_TooManyValues_Refused()
    {
        var yaml = "[" + string.Join(",", Enumerable.Repeat("1", 200)) + "]";
        var e = Assert.Throws<PositionedParseException>(() => BoundedYaml.Load(yaml, new YamlLimits { MaxNodes = 100 }));
        Assert.Contains("more than 100 values", e.Problem);
    }

    [Fact]
    public void Load_LongScalarOrDocument_Refused()
    {
        var limits = new YamlLimits { MaxChars = 1000, MaxScalarChars = 10 };
        PositionedParseException Refused(Func<object> parse) => Assert.Throws<PositionedParseException>(parse);
        Assert.Contains("longer than 10", Refused(() => BoundedYaml.Load("a: " + new string('x', 11), limits)).Problem);
        Assert.Contains("larger than 1000", Refused(() => BoundedYaml.Load(new string(' ', 1001), limits)).Problem);
        Assert.Contains("larger than 1000",
            Assert.Throws<PositionedParseException>(() => BoundedYaml.ReadText(new StringReader(new string(' ', 5000)), limits)).Problem);
    }

    [Theory]
    [InlineData("a: 'unclosed " + HostileYaml.SecretLine)]
    [InlineData("a: [" + HostileYaml.SecretLine)]
    [InlineData("a:\n  b: 1\n c: " + HostileYaml.SecretLine)]
    [InlineData(HostileYaml.SecretLine + "\n  - x: [")]
    public void Load_SyntaxErrors_DoNotQuoteTheDocument(string yaml)
    {
        var e = Assert.Throws<PositionedParseException>(() => BoundedYaml.Load(yaml));
        Assert.DoesNotContain("Sup3rS3cret", e.Message);
        Assert.True(e.Line >= 1);
    }

    [Fact]
    public void QuoteSpec_BillionLaughs_RefusedWithPosition()
    {
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<QuoteSpecException>(() => QuoteSpecParser.Parse(HostileYaml.BillionLaughs("title"), "spec.yml"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.StartsWith("spec.yml:1:4: (yaml): anchors", e.Message);
    }

    [Fact]
    public void QuoteSpec_DeepNesting_Refused()
    {
        var e = Assert.Throws<QuoteSpecException>(() => QuoteSpecParser.Parse("title: " + HostileYaml.Nested(30_000), "spec.yml"));
        Assert.Contains("nested deeper", e.Problem);
    }

    [Fact]
    public void GatePolicy_BillionLaughs_RefusedWithPosition()
    {
        var watch = Stopwatch.StartNew();
        var yaml = new StringReader(HostileYaml.BillionLaughs("coverage"));
        var e = Assert.Throws<GateInputException>(() => GatePolicyReader.Parse(yaml, "jiedan.gate.yml"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.StartsWith("jiedan.gate.yml:1: invalid policy at column 4: anchors", e.Message);
    }

    [Fact]
    public void GatePolicy_NotYamlAtAll_DoesNotEchoTheFile()
    {
        var e = Assert.Throws<GateInputException>(() =>
            GatePolicyReader.Parse(new StringReader(HostileYaml.SecretLine + "\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n"), "passwd"));
        Assert.DoesNotContain("Sup3rS3cret", e.Message);
        Assert.DoesNotContain("root", e.Message);
        Assert.StartsWith("passwd:1:", e.Message);
    }

    [Theory]
    [InlineData("coverage:\n  min: " + HostileYaml.SecretLine + "\n")]
    [InlineData("Sup3rS3cret: 1\n")]
    [InlineData("goVersion:\n  enabled: true\n  constraint: \">= Sup3rS3cret\"\n")]
    public void GatePolicy_BadValuesAndKeys_AreNotEchoed(string yaml)
    {
        var e = Assert.Throws<GateInputException>(() => GatePolicyReader.Parse(new StringReader(yaml), "jiedan.gate.yml"));
        Assert.DoesNotContain("Sup3rS3cret", e.Message);
    }

    [Fact]
    public void Calendar_BillionLaughs_Refused()
    {
        var e = Assert.Throws<CalendarFileException>(() => CalendarFile.Parse(HostileYaml.BillionLaughs("holidays"), "cn.yml"));
        Assert.StartsWith("cn.yml:1:4: anchors", e.Message);
    }

    [Theory]
    [InlineData("timezone: Sup3rS3cret\n")]
    [InlineData("holidays: [Sup3rS3cret]\n")]
    [InlineData("holidays: [2025-01-01..Sup3rS3cret]\n")]
    [InlineData("weekend: [Sup3rS3cret]\n")]
    [InlineData("Sup3rS3cret\n  - [")]
    public void Calendar_BadValues_AreNotEchoed(string yaml)
    {
        var e = Assert.Throws<CalendarFileException>(() => CalendarFile.Parse(yaml, "cn.yml"));
        Assert.DoesNotContain("Sup3rS3cret", e.Message);
    }
}
