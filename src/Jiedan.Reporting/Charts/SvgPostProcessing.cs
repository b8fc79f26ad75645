using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Jiedan.Reporting.Charts;

/// <summary>Makes ScottPlot's SVG safe to inline: ids unique per chart, and a viewBox so it scales instead of cropping.</summary>
internal static partial class SvgPostProcessing
{
    public static string Apply(string svg) => AddViewBox(UniqueIds(svg));

    // Every ScottPlot SVG names its clip paths cl_1, cl_2…; two charts inlined in one page would clip to each other's.
    // A prefix from the content keeps output reproducible, and identical charts sharing ids is harmless.
    private static string UniqueIds(string svg)
    {
        var prefix = "c" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(svg)))[..10] + "-";
        svg = IdAttribute().Replace(svg, m => $"id=\"{prefix}{m.Groups[1].Value}\"");
        return IdReference().Replace(svg, m => $"#{prefix}{m.Groups[1].Value}");
    }

    private static string AddViewBox(string svg)
    {
        var root = SvgRoot().Match(svg);
        if (!root.Success || root.Value.Contains("viewBox", StringComparison.Ordinal))
            return svg;
        var tag = root.Value.Replace("<svg ", $"<svg viewBox=\"0 0 {root.Groups[1].Value} {root.Groups[2].Value}\" ",
            StringComparison.Ordinal);
        return string.Concat(svg.AsSpan(0, root.Index), tag, svg.AsSpan(root.Index + root.Length));
    }

    [GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"(?<=url\(|href="")#([^)""]+)")]
    private static partial Regex IdReference();

    [GeneratedRegex("<svg [^>]*?width=\"([0-9.]+)\"[^>]*?height=\"([0-9.]+)\"[^>]*>")]
    private static partial Regex SvgRoot();
}
