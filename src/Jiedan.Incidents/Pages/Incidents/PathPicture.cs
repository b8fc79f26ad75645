using System.Globalization;
using System.Xml.Linq;
using Jiedan.Incidents.Storage;

namespace Jiedan.Incidents.Pages.Incidents;

/// <summary>
/// The suggested paths as a server-rendered SVG: one row per suggestion, symptom → component → configuration item →
/// patch → fix, each edge labelled with its stored weight (1 + the fixes recorded along it); an edge the graph does not
/// hold (the alert was matched by its text, not by a stored edge) is dashed and labelled with the match score. Built as
/// XML, so names are escaped; presentation attributes only (no style attributes, for the content security policy).
/// </summary>
public static class PathPicture
{
    private const int NodeWidth = 168, NodeHeight = 44, Gap = 72, RowHeight = 78, Margin = 12, MaxLabel = 24;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly Dictionary<string, string> Fill = new(StringComparer.Ordinal)
    {
        [KbNodeKinds.Symptom] = "#fde2e1", [KbNodeKinds.Component] = "#e0ecff", [KbNodeKinds.ConfigurationItem] = "#e6f4ea",
        [KbNodeKinds.Patch] = "#fff4d6", [KbNodeKinds.Fix] = "#ede3ff",
    };

    public static string Render(IReadOnlyList<GraphPath> paths, Func<string, string> kindLabel, string matchedLabel)
    {
        var columns = Math.Max(2, paths.Count == 0 ? 2 : paths.Max(p => p.Steps.Count));
        var width = Margin * 2 + columns * NodeWidth + (columns - 1) * Gap;
        var height = Margin * 2 + Math.Max(1, paths.Count) * RowHeight;
        var svg = new XElement(Svg + "svg", new XAttribute("xmlns", Svg.NamespaceName), Num("width", width), Num("height", height),
            new XAttribute("viewBox", $"0 0 {width} {height}"), new XAttribute("role", "img"), new XAttribute("class", "kb-path"),
            new XElement(Svg + "defs", new XElement(Svg + "marker", new XAttribute("id", "kb-arrow"),
                new XAttribute("viewBox", "0 0 10 10"), Num("refX", 10), Num("refY", 5), Num("markerWidth", 8), Num("markerHeight", 8),
                new XAttribute("orient", "auto"),
                new XElement(Svg + "path", new XAttribute("d", "M0,0 L10,5 L0,10 z"), new XAttribute("fill", "#555")))));
        for (var row = 0; row < paths.Count; row++)
        {
            var path = paths[row];
            var y = Margin + row * RowHeight + 14;
            var group = new XElement(Svg + "g", new XAttribute("class", "kb-path-row"), new XAttribute("data-title", path.Title));
            for (var i = 0; i < path.Steps.Count; i++)
            {
                var step = path.Steps[i];
                var x = Margin + i * (NodeWidth + Gap);
                if (i > 0) group.Add(Edge(x - Gap, x, y + NodeHeight / 2, step.Weight, path.Score, matchedLabel));
                group.Add(Node(x, y, step, kindLabel(step.Kind)));
            }
            svg.Add(group);
        }
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Node(int x, int y, PathStep step, string kind) => new(Svg + "g", new XAttribute("class", "kb-node"),
        new XAttribute("data-kind", step.Kind),
        new XElement(Svg + "title", $"{kind}: {step.Name}"),
        new XElement(Svg + "rect", Num("x", x), Num("y", y), Num("width", NodeWidth), Num("height", NodeHeight), Num("rx", 6),
            new XAttribute("fill", Fill.GetValueOrDefault(step.Kind, "#eee")), new XAttribute("stroke", "#888")),
        new XElement(Svg + "text", Num("x", x + 8), Num("y", y + 16), Num("font-size", 10), new XAttribute("fill", "#555"), kind),
        new XElement(Svg + "text", Num("x", x + 8), Num("y", y + 33), Num("font-size", 12), new XAttribute("fill", "#111"),
            step.Name.Length <= MaxLabel ? step.Name : step.Name[..(MaxLabel - 1)] + "…"));

    private static XElement Edge(int x1, int x2, int y, double? weight, double score, string matchedLabel)
    {
        var label = weight is { } w ? "w " + w.ToString("0.#", CultureInfo.InvariantCulture)
            : matchedLabel + " " + score.ToString("0.00", CultureInfo.InvariantCulture);
        var line = new XElement(Svg + "line", Num("x1", x1 + 2), Num("y1", y), Num("x2", x2 - 2), Num("y2", y),
            new XAttribute("stroke", weight is > 1 ? "#2a7" : "#555"),
            Num("stroke-width", weight is > 1 ? 1 + Math.Min(4, weight.Value - 1) : 1),
            new XAttribute("marker-end", "url(#kb-arrow)"));
        if (weight is null) line.Add(new XAttribute("stroke-dasharray", "4 3"));
        return new XElement(Svg + "g", new XAttribute("class", "kb-edge"),
            new XAttribute("data-weight", weight?.ToString(CultureInfo.InvariantCulture) ?? ""), line,
            new XElement(Svg + "text", Num("x", x1 + 4), Num("y", y - 6), Num("font-size", 10), new XAttribute("fill", "#333"), label));
    }

    private static XAttribute Num(string name, double value) => new(name, value.ToString(CultureInfo.InvariantCulture));
}
