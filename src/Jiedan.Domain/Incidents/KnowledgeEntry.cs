namespace Jiedan.Domain.Incidents;

/// <summary>
/// One fix the knowledge base knows: a runbook (Markdown) or a YAML record. Its graph path is symptom → component →
/// configuration item → patch/version; the fix itself is what a person reads (diagnosis, mitigation, rollback). Commands in
/// it are shown, never run. <see cref="Source"/> is the imported file relative to the import root, <see cref="Line"/> where
/// the entry starts in it.
/// </summary>
public sealed record KnowledgeEntry(string Title, string Source, int Line)
{
    /// <summary>Alert names that mean this entry besides its title (front matter <c>alerts:</c>).</summary>
    public IReadOnlyList<string> AlertNames { get; init; } = [];
    /// <summary>Label equality matchers (front matter <c>matchers:</c>): all must hold.</summary>
    public IReadOnlyDictionary<string, string> Matchers { get; init; } = new Dictionary<string, string>();
    public string Meaning { get; init; } = "";
    public string Impact { get; init; } = "";
    public string Diagnosis { get; init; } = "";
    public string Mitigation { get; init; } = "";
    public string Rollback { get; init; } = "";
    public string Component { get; init; } = "";
    public string ConfigurationItem { get; init; } = "";
    public string Patch { get; init; } = "";
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The graph path from the symptom to the fix, empty steps left out.</summary>
    public IReadOnlyList<string> Path =>
        [.. new[] { Title, Component, ConfigurationItem, Patch }.Where(s => s.Length > 0)];

    /// <summary>What text similarity searches: names split into words, the prose a person wrote, keywords.</summary>
    public string SearchText => string.Join('\n', new[]
    {
        Identifiers.Words(Title), string.Join(' ', AlertNames.Select(Identifiers.Words)), string.Join(' ', Keywords),
        Component, ConfigurationItem, Meaning, Impact, Diagnosis,
    }.Where(s => s.Length > 0));
}

/// <summary>A resolved incident whose fix is known: the alert as received and the title of the entry that fixed it.</summary>
public sealed record PastIncident(string Id, AlertQuery Alert, string FixedBy);
