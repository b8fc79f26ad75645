using System.Diagnostics;
using System.Text;
using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.ApiDocs;
using Jiedan.Domain.Gate.Findings;
using Jiedan.Domain.Gate.GoModules;
using Jiedan.Domain.Gate.Testing;
using Jiedan.Domain.Parsing;
using Jiedan.Domain.Quote.Calibration;

namespace Jiedan.Domain.Tests.Parsing;

/// <summary>Endless lines, deep JSON and YAML aliases against the evidence parsers: refused early, in bounded memory.</summary>
public sealed class BoundedInputTests
{
    /// <summary>An endless stream of one character, like a link to /dev/zero read as text.</summary>
    private sealed class EndlessReader(char c) : TextReader
    {
        public override int Read(char[] buffer, int index, int count)
        {
            Array.Fill(buffer, c, index, count);
            return count;
        }

        public override int Peek() => c;
        public override int Read() => c;
    }

    [Fact]
    public void Lines_EndlessLine_RefusedAtTheCapWithoutReadingOn()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<GateInputException>(() => GoModFile.Parse(new EndlessReader('a'), "go.mod"));
        Assert.Equal("go.mod:1: line longer than 1048576 characters", e.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64L * 1024 * 1024, "read far past the cap");
    }

    [Fact]
    public void Lines_TooManyLines_Refused()
    {
        var e = Assert.Throws<InvalidDataException>(() =>
            BoundedLines.Read(new EndlessReader('\n'), (n, p) => new InvalidDataException($"{n}: {p}"), new LineLimits { MaxLines = 1000 })
                .Count());
        Assert.Equal("1001: more than 1000 lines", e.Message);
    }

    [Theory]
    [InlineData("a\nb\r\nc", new[] { "a", "b", "c" })]
    [InlineData("a\n\n", new[] { "a", "" })]
    [InlineData("", new string[0])]
    public void Lines_SplitLikeReadLine(string text, string[] expected) =>
        Assert.Equal(expected, BoundedLines.Read(new StringReader(text), (n, p) => new InvalidDataException(p)));

    [Fact]
    public void Lines_GoTestJson_EndlessLineRefused()
    {
        var e = Assert.Throws<GateInputException>(() => GoTestJson.Parse(new EndlessReader('{'), "test.json"));
        Assert.Contains("line longer than", e.Problem);
    }

    private static MemoryStream Deep(string open, string close, int depth) =>
        new(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth)) + string.Concat(Enumerable.Repeat(close, depth))));

    /// <summary>Deep nesting where a typed reader skips an unknown property: skipping must not escape the cap either.</summary>
    private static MemoryStream InUnknownField(int depth) =>
        new(Encoding.UTF8.GetBytes("{\"Issues\":[{\"x\":" + new string('[', depth) + new string(']', depth) + "}]}"));

    [Fact]
    public void Json_DeepNesting_RefusedByEveryJsonParser()
    {
        const string nested = "nested deeper than 64 levels";
        Assert.Contains(nested, Assert.Throws<GateInputException>(() => GosecReport.Parse(InUnknownField(100_000), "gosec.json")).Problem);
        Assert.Contains(nested, Assert.Throws<GateInputException>(() =>
            Jiedan.Domain.Gate.Findings.GolangciLintReport.Parse(InUnknownField(100_000), "lint.json")).Problem);
        Assert.Contains(nested, Assert.Throws<GateInputException>(() => SarifReport.Parse(Deep("{\"x\":[", "]}", 100_000), "scan.sarif"))
            .Problem);
        Assert.Contains(nested, Assert.Throws<FormatException>(() => Jiedan.Domain.Quote.GolangciLintReport.Parse(Deep("[", "]", 100_000)))
            .Message);
        var line = "{\"x\":" + new string('[', 1000) + new string(']', 1000) + "}\n";
        Assert.Contains(nested, Assert.Throws<GateInputException>(() => GoTestJson.Parse(new StringReader(line), "test.json")).Problem);
    }

    [Fact]
    public async Task OpenApi_YamlBillionLaughs_RefusedQuickly()
    {
        var watch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<GateInputException>(() => OpenApiCompleteness.ParseAsync(
            new MemoryStream(Encoding.UTF8.GetBytes("openapi: 3.0.0\n" + HostileYaml.BillionLaughs("paths"))), "openapi.yml",
            TestContext.Current.CancellationToken));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Equal(2, e.Line);
        Assert.Contains("anchors", e.Problem);
    }

    [Fact]
    public async Task OpenApi_DeepJson_Refused()
    {
        var e = await Assert.ThrowsAsync<GateInputException>(() =>
            OpenApiCompleteness.ParseAsync(Deep("{\"a\":", "}", 100_000), "openapi.json", TestContext.Current.CancellationToken));
        Assert.Contains("nested deeper than 64 levels", e.Problem);
    }

    [Fact]
    public void HistoryCsv_HugeField_RefusedWithItsRow()
    {
        var text = "Effort,lines\n1," + new string('9', 1_000_000) + "\n";
        var columns = new HistoryColumns("Effort", "lines", "fp", null);
        var e = Assert.Throws<HistoryFormatException>(() => HistoryCsv.Read(new StringReader(text), "h.csv", columns));
        Assert.Contains("longer than 4096", e.Message);
    }
}
