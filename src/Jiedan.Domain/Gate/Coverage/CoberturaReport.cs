using System.Xml;
using Jiedan.Domain.Parsing;

namespace Jiedan.Domain.Gate.Coverage;

/// <summary>
/// Reads Cobertura XML (coverage.py, gcovr, coverlet, gocover-cobertura). Counts the class-level
/// <c>&lt;lines&gt;</c> once per file and line (method-level duplicates are ignored), so the figure is line coverage.
/// </summary>
public static class CoberturaReport
{
    /// <summary>
    /// Reports nest about ten levels (coverage, packages, classes, methods, lines, conditions); a large one is tens of MB.
    /// gcovr and Cobertura itself declare the format's DTD: the declaration is skipped, never read.
    /// </summary>
    public static readonly XmlLimits Limits = new(MaxDepth: 32, MaxCharacters: 256L << 20, SkipDoctype: true);

    public static CoverageSummary Parse(Stream content, string name)
    {
        var files = new Dictionary<string, (string Package, Dictionary<int, bool> Lines)>(StringComparer.Ordinal);
        XmlReader? reader = null;
        string package = ".";
        Dictionary<int, bool>? lines = null;
        var methodDepth = 0;
        var sawRoot = false;
        try
        {
            reader = BoundedXml.CreateReader(content, Limits);
            var info = (IXmlLineInfo)reader;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "methods") methodDepth--;
                if (reader.NodeType != XmlNodeType.Element) continue;
                switch (reader.LocalName)
                {
                    case "coverage":
                        sawRoot = true;
                        break;
                    case "package":
                        package = reader.GetAttribute("name") ?? ".";
                        break;
                    case "class":
                        var file = reader.GetAttribute("filename")
                            ?? throw new GateInputException(name, info.LineNumber, "<class> without a 'filename' attribute");
                        if (!files.TryGetValue(file, out var entry))
                        {
                            entry = (package, new Dictionary<int, bool>());
                            files.Add(file, entry);
                        }
                        lines = entry.Lines;
                        break;
                    case "methods":
                        if (!reader.IsEmptyElement) methodDepth++;
                        break;
                    case "line" when methodDepth == 0:
                        if (lines is null) throw new GateInputException(name, info.LineNumber, "<line> outside a <class>");
                        var number = ReadInt(reader, "number", name, info);
                        var hits = ReadLong(reader, "hits", name, info);
                        lines[number] = (lines.TryGetValue(number, out var covered) && covered) || hits > 0;
                        break;
                }
            }
        }
        catch (XmlException e)
        {
            throw new GateInputException(name, e.LineNumber > 0 ? e.LineNumber : null, $"column {e.LinePosition}: {BoundedXml.Describe(e)}",
                e);
        }
        finally
        {
            reader?.Dispose();
        }
        if (!sawRoot) throw new GateInputException(name, null, "not a Cobertura report: no <coverage> element");

        var packages = files.Values
            .GroupBy(f => f.Package, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PackageCoverage(g.Key, g.Sum(f => (long)f.Lines.Count), g.Sum(f => (long)f.Lines.Count(l => l.Value))))
            .ToList();
        return new CoverageSummary("cobertura", packages.Sum(p => p.Statements), packages.Sum(p => p.Covered), packages);
    }

    private static int ReadInt(XmlReader reader, string attribute, string name, IXmlLineInfo info) =>
        int.TryParse(reader.GetAttribute(attribute), out var v) && v >= 0
            ? v
            : throw new GateInputException(name, info.LineNumber, $"<line> has a missing or bad '{attribute}' attribute");

    private static long ReadLong(XmlReader reader, string attribute, string name, IXmlLineInfo info) =>
        long.TryParse(reader.GetAttribute(attribute), out var v) && v >= 0
            ? v
            : throw new GateInputException(name, info.LineNumber, $"<line> has a missing or bad '{attribute}' attribute");
}
