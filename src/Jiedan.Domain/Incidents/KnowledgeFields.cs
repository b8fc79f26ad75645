using YamlDotNet.RepresentationModel;

namespace Jiedan.Domain.Incidents;

/// <summary>
/// The keys a runbook's front matter and a YAML record share. Unknown keys are left alone (public runbooks carry their
/// own, such as <c>weight</c>); a known key with the wrong shape is an error at its line.
/// </summary>
internal static class KnowledgeFields
{
    public const int MaxListItems = 64;

    public static KnowledgeEntry Apply(KnowledgeEntry entry, YamlMappingNode map, string source, int lineOffset)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            string At(YamlNode n) => $"{source}:{n.Start.Line + lineOffset}";
            entry = key switch
            {
                "alerts" or "alert" => entry with { AlertNames = List(value, At(value), key) },
                "matchers" or "labels" => entry with { Matchers = Map(value, At(value), key) },
                "keywords" => entry with { Keywords = List(value, At(value), key) },
                "component" => entry with { Component = Scalar(value, At(value), key) },
                "configuration_item" => entry with { ConfigurationItem = Scalar(value, At(value), key) },
                "patch" or "version" => entry with { Patch = Scalar(value, At(value), key) },
                "meaning" => entry with { Meaning = Scalar(value, At(value), key) },
                "impact" => entry with { Impact = Scalar(value, At(value), key) },
                "diagnosis" => entry with { Diagnosis = Scalar(value, At(value), key) },
                "mitigation" => entry with { Mitigation = Scalar(value, At(value), key) },
                "rollback" => entry with { Rollback = Scalar(value, At(value), key) },
                _ => entry,
            };
        }
        return entry;
    }

    public static string Scalar(YamlNode node, string at, string key) => node is YamlScalarNode s
        ? (s.Value ?? "").Trim()
        : throw new IncidentFormatException(at, $"'{key}' must be a single value");

    public static IReadOnlyList<string> List(YamlNode node, string at, string key)
    {
        if (node is YamlScalarNode s) return s.Value is { Length: > 0 } v ? [v.Trim()] : [];
        if (node is not YamlSequenceNode seq || seq.Children.Count > MaxListItems)
            throw new IncidentFormatException(at, $"'{key}' must be a list of at most {MaxListItems} values");
        return [.. seq.Children.Select(c => Scalar(c, at, key)).Where(v => v.Length > 0)];
    }

    public static IReadOnlyDictionary<string, string> Map(YamlNode node, string at, string key)
    {
        if (node is not YamlMappingNode m || m.Children.Count > MaxListItems)
            throw new IncidentFormatException(at, $"'{key}' must be a mapping of at most {MaxListItems} label: value pairs");
        return m.Children.ToDictionary(c => Scalar(c.Key, at, key), c => Scalar(c.Value, at, key), StringComparer.Ordinal);
    }
}
