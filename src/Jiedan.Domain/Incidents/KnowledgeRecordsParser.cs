using Jiedan.Domain.Parsing;
using YamlDotNet.RepresentationModel;

namespace Jiedan.Domain.Incidents;

/// <summary>
/// Reads a YAML file of records: <c>runbooks:</c>, a list of entries with <c>title</c> and the runbook keys, and
/// <c>incidents:</c>, resolved incidents with <c>alert</c> (name), <c>labels</c>, <c>summary</c>/<c>description</c> and
/// <c>fixed_by</c> (the title of the entry that fixed it). Errors name <c>source:line</c> and never quote the file.
/// </summary>
public static class KnowledgeRecordsParser
{
    public const int MaxRecords = 10_000;
    private static readonly string[] TextKeys = ["summary", "description"];

    public sealed record Records(IReadOnlyList<KnowledgeEntry> Entries, IReadOnlyList<PastIncident> Incidents);

    public static Records Parse(string text, string source)
    {
        YamlStream stream;
        try { stream = BoundedYaml.Load(text); }
        catch (PositionedParseException e) { throw new IncidentFormatException($"{source}:{e.Line}", e.Problem); }
        if (stream.Documents.Count == 0) return new([], []);
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new IncidentFormatException($"{source}:1", "expected a mapping with 'runbooks:' and/or 'incidents:'");
        var entries = new List<KnowledgeEntry>();
        var incidents = new List<PastIncident>();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            var items = value as YamlSequenceNode;
            if (key is not ("runbooks" or "incidents"))
                throw new IncidentFormatException(At(source, keyNode), "unknown key (expected 'runbooks' or 'incidents')");
            if (items is null || items.Children.Count > MaxRecords)
                throw new IncidentFormatException(At(source, value), $"'{key}' must be a list of at most {MaxRecords} records");
            foreach (var item in items.Children)
            {
                if (item is not YamlMappingNode map) throw new IncidentFormatException(At(source, item), "a record must be a mapping");
                if (key == "runbooks") entries.Add(Entry(map, source));
                else incidents.Add(Incident(map, source, incidents.Count));
            }
        }
        return new(entries, incidents);
    }

    private static KnowledgeEntry Entry(YamlMappingNode map, string source)
    {
        var title = Required(map, "title", source);
        if (title.Length > RunbookParser.MaxTitleChars)
            throw new IncidentFormatException(At(source, map), $"'title' longer than {RunbookParser.MaxTitleChars} characters");
        return KnowledgeFields.Apply(new KnowledgeEntry(title, source, (int)map.Start.Line), map, source, lineOffset: 0);
    }

    private static PastIncident Incident(YamlMappingNode map, string source, int index)
    {
        var name = Required(map, "alert", source);
        var fixedBy = Required(map, "fixed_by", source);
        var labels = map.Children.TryGetValue(new YamlScalarNode("labels"), out var l)
            ? KnowledgeFields.Map(l, At(source, l), "labels") : new Dictionary<string, string>();
        var text = string.Join('\n', TextKeys
            .Select(k => map.Children.TryGetValue(new YamlScalarNode(k), out var v) ? KnowledgeFields.Scalar(v, At(source, v), k) : "")
            .Where(t => t.Length > 0));
        var id = map.Children.TryGetValue(new YamlScalarNode("id"), out var i)
            ? KnowledgeFields.Scalar(i, At(source, i), "id") : $"{source}#{index + 1}";
        return new PastIncident(id, new AlertQuery(name, labels, text), fixedBy);
    }

    private static string Required(YamlMappingNode map, string key, string source) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) && KnowledgeFields.Scalar(v, At(source, v), key) is { Length: > 0 } s
            ? s
            : throw new IncidentFormatException(At(source, map), $"record without '{key}'");

    private static string At(string source, YamlNode node) => $"{source}:{node.Start.Line}";
}
