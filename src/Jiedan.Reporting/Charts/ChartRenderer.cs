using ScottPlot;

namespace Jiedan.Reporting.Charts;

/// <summary>Draws a <see cref="ChartSpec"/> as PNG or SVG, with Chinese labels rendered from an explicitly loaded CJK font.</summary>
public static class ChartRenderer
{
    public static byte[] Png(ChartSpec spec, int width = 800, int height = 450)
    {
        CheckSize(width, height);
        using var plot = ChartPlotBuilder.Build(spec);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>SVG with text as text, a viewBox, and element ids unique to this chart so several can share a page.</summary>
    public static string Svg(ChartSpec spec, int width = 800, int height = 450)
    {
        CheckSize(width, height);
        using var plot = ChartPlotBuilder.Build(spec);
        return SvgPostProcessing.Apply(plot.GetSvgXml(width, height));
    }

    /// <summary>Writes .png or .svg by the file's extension; any other extension is an <see cref="ArgumentException"/>.</summary>
    public static void Save(ChartSpec spec, string path, int width = 800, int height = 450)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".png":
                File.WriteAllBytes(path, Png(spec, width, height));
                break;
            case ".svg":
                File.WriteAllText(path, Svg(spec, width, height));
                break;
            default:
                throw new ArgumentException($"{path}: unsupported chart file extension '{extension}'; use .png or .svg.", nameof(path));
        }
    }

    /// <summary>The chart laid out at <paramref name="width"/>×<paramref name="height"/> and rasterised at <paramref name="scale"/> times
    /// that.</summary>
    internal static SkiaSharp.SKImage Raster(ChartSpec spec, int width, int height, int scale)
    {
        using var plot = ChartPlotBuilder.Build(spec);
        using var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(width * scale, height * scale));
        surface.Canvas.Scale(scale);
        plot.Render(surface.Canvas, width, height);
        return surface.Snapshot();
    }

    private static void CheckSize(int width, int height)
    {
        if (width < 50 || height < 50 || width > 10_000 || height > 10_000)
            throw new ArgumentOutOfRangeException(nameof(width), $"Chart size {width}x{height} is outside 50..10000 pixels.");
    }
}
