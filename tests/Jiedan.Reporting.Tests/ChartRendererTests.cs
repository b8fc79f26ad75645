using System.Buffers.Binary;
using System.Xml.Linq;
using Jiedan.Reporting.Charts;

namespace Jiedan.Reporting.Tests;

public class ChartRendererTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [InlineData(ChartKind.Bar)]
    [InlineData(ChartKind.HorizontalBar)]
    [InlineData(ChartKind.Line)]
    [InlineData(ChartKind.GroupedBar)]
    public void Png_has_the_signature_and_the_requested_size(ChartKind kind)
    {
        var spec = SampleReports.StageChart with { Kind = kind,
            ErrorBars = kind is ChartKind.Line or ChartKind.GroupedBar ? null : SampleReports.StageChart.ErrorBars };

        var png = ChartRenderer.Png(spec, 640, 360);

        Assert.Equal(PngSignature, png[..8]);
        // IHDR is the first chunk: width and height are big-endian at bytes 16 and 20.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(640, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(360, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    [Fact]
    public void Svg_is_xml_with_the_title_and_labels_as_written()
    {
        var svg = ChartRenderer.Svg(SampleReports.StageChart);

        var root = XDocument.Parse(svg).Root!;
        Assert.Equal("svg", root.Name.LocalName);
        var text = string.Join(" ", root.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()));
        Assert.Contains("阶段耗时 Stage duration", text);
        // 工 and 日 share glyphs with Kangxi radicals; the SVG must carry the ideographs the caller wrote.
        Assert.Contains("工作日 business days", text);
        Assert.Contains("合同签署", text);
    }

    [Fact]
    public void Chinese_titles_are_drawn_as_glyphs_not_tofu()
    {
        // Without a CJK font every ideograph is the same missing-glyph box, so two different titles of the same
        // length would give identical images.
        var spec = SampleReports.StageChart;

        var first = ChartRenderer.Png(spec with { Title = "交付清单" });
        var second = ChartRenderer.Png(spec with { Title = "验收通过" });

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Svg_ids_differ_between_charts_and_every_reference_resolves()
    {
        var first = XDocument.Parse(ChartRenderer.Svg(SampleReports.StageChart));
        var second = XDocument.Parse(ChartRenderer.Svg(SampleReports.StageChart with { Title = "另一个 another" }));

        var firstIds = Ids(first);
        Assert.NotEmpty(firstIds);
        Assert.Empty(firstIds.Intersect(Ids(second)));
        var references = System.Text.RegularExpressions.Regex.Matches(first.ToString(), @"url\(#([^)]+)\)").Select(m => m.Groups[1].Value);
        Assert.All(references, id => Assert.Contains(id, firstIds));
        Assert.Equal("0 0 800 450", first.Root!.Attribute("viewBox")?.Value);
    }

    private static HashSet<string> Ids(XDocument svg) =>
        [.. svg.Descendants().Select(e => e.Attribute("id")?.Value).OfType<string>()];

    [Fact]
    public void Save_writes_by_extension()
    {
        var directory = Directory.CreateTempSubdirectory("jiedan-chart-");
        try
        {
            var png = Path.Combine(directory.FullName, "stages.PNG");
            var svg = Path.Combine(directory.FullName, "stages.svg");
            ChartRenderer.Save(SampleReports.StageChart, png, 400, 300);
            ChartRenderer.Save(SampleReports.StageChart, svg, 400, 300);

            Assert.Equal(PngSignature, File.ReadAllBytes(png)[..8]);
            Assert.Equal("svg", XDocument.Load(svg).Root!.Name.LocalName);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Save_rejects_an_unknown_extension_naming_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "stages.gif");

        var error = Assert.Throws<ArgumentException>(() => ChartRenderer.Save(SampleReports.StageChart, path));

        Assert.Contains(path, error.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_series_with_the_wrong_number_of_values_is_rejected_by_name()
    {
        var spec = SampleReports.StageChart with { Series = [new ChartSeries("P90", [1, 2])] };

        var error = Assert.Throws<ArgumentException>(() => ChartRenderer.Png(spec));

        Assert.Contains("'P90' has 2 values for 5 labels", error.Message);
    }
}
