using System.Text.RegularExpressions;

namespace Jiedan.Reporting.Charts;

/// <summary>
/// Makes a chart's SVG safe to place inline in an HTML page next to other charts. Several SVGs in one page share one
/// id space: every id (and its references) gets the chart's prefix, otherwise the second chart would clip to the
/// first chart's clip paths.
/// </summary>
public static partial class InlineSvg
{
    public static string Prepare(string svg, string idPrefix)
    {
        var body = XmlDeclaration().Replace(svg, "").Trim();
        body = IdAttribute().Replace(body, m => $"id=\"{idPrefix}{m.Groups[1].Value}\"");
        body = IdReference().Replace(body, m => $"#{idPrefix}{m.Groups[1].Value}");
        return body.Replace("<svg ", "<svg role=\"img\" class=\"chart-svg\" ", StringComparison.Ordinal);
    }

    /// <summary>Renders <paramref name="spec"/> and prepares it for inline use.</summary>
    public static string Render(ChartSpec spec, string idPrefix, int width = 800, int height = 450) =>
        Prepare(ChartRenderer.Svg(spec, width, height), idPrefix);

    [GeneratedRegex(@"<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"(?<=url\(|href="")#([^)""]+)")]
    private static partial Regex IdReference();
}
