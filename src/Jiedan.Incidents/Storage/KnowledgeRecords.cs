namespace Jiedan.Incidents.Storage;

/// <summary>One imported runbook or YAML record (a fix), unique on its title; lists and matchers as JSON.</summary>
public sealed class KbEntryRecord
{
    public long Id { get; set; }
    public required string Title { get; set; }
    public required string Source { get; set; }
    public int Line { get; set; }
    public string AlertNamesJson { get; set; } = "[]";
    public string MatchersJson { get; set; } = "{}";
    public string KeywordsJson { get; set; } = "[]";
    public string Meaning { get; set; } = "";
    public string Impact { get; set; } = "";
    public string Diagnosis { get; set; } = "";
    public string Mitigation { get; set; } = "";
    public string Rollback { get; set; } = "";
    public string Component { get; set; } = "";
    public string ConfigurationItem { get; set; } = "";
    public string Patch { get; set; } = "";
    public DateTime ImportedAtUtc { get; set; }
}

/// <summary>A node of the knowledge graph: a symptom, component, configuration item, patch/version or fix.</summary>
public sealed class KbNodeRecord
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public required string Name { get; set; }
}

/// <summary>A weighted edge of the knowledge graph; resolved incidents strengthen the edges of the path that fixed them.</summary>
public sealed class KbEdgeRecord
{
    public long Id { get; set; }
    public long FromId { get; set; }
    public long ToId { get; set; }
    public double Weight { get; set; }
}

public static class KbNodeKinds
{
    public const string Symptom = "symptom";
    public const string Component = "component";
    public const string ConfigurationItem = "configuration_item";
    public const string Patch = "patch";
    public const string Fix = "fix";
}
