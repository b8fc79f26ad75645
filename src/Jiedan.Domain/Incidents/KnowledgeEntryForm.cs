using System.Text.RegularExpressions;

namespace Jiedan.Domain.Incidents;

/// <summary>
/// An entry as a person types it in the dashboard: lists one item per line (keywords may also be comma-separated),
/// label matchers as <c>label=value</c> lines. <see cref="Read"/> gives the entry or every field's problem.
/// </summary>
public sealed partial record KnowledgeEntryForm
{
    public const int MaxTextChars = 20_000;
    public const int MaxNameChars = 500;
    public const string DashboardSource = "dashboard";

    public string Title { get; init; } = "";
    public string AlertNames { get; init; } = "";
    public string Matchers { get; init; } = "";
    public string Keywords { get; init; } = "";
    public string Component { get; init; } = "";
    public string ConfigurationItem { get; init; } = "";
    public string Patch { get; init; } = "";
    public string Meaning { get; init; } = "";
    public string Impact { get; init; } = "";
    public string Diagnosis { get; init; } = "";
    public string Mitigation { get; init; } = "";
    public string Rollback { get; init; } = "";

    /// <summary>The form of a stored entry, for editing.</summary>
    public static KnowledgeEntryForm Of(KnowledgeEntry e) => new()
    {
        Title = e.Title, AlertNames = string.Join('\n', e.AlertNames),
        Matchers = string.Join('\n', e.Matchers.Select(m => $"{m.Key}={m.Value}")), Keywords = string.Join(", ", e.Keywords),
        Component = e.Component, ConfigurationItem = e.ConfigurationItem, Patch = e.Patch, Meaning = e.Meaning, Impact = e.Impact,
        Diagnosis = e.Diagnosis, Mitigation = e.Mitigation, Rollback = e.Rollback,
    };

    /// <summary>The entry (source <paramref name="source"/>), or the problems keyed by field name; never both.</summary>
    public (KnowledgeEntry? Entry, IReadOnlyDictionary<string, string> Errors) Read(string source = DashboardSource)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        // A form post binds an empty field as null whatever the declared type says.
        var f = this with
        {
            Title = Title ?? "", AlertNames = AlertNames ?? "", Matchers = Matchers ?? "", Keywords = Keywords ?? "",
            Component = Component ?? "", ConfigurationItem = ConfigurationItem ?? "", Patch = Patch ?? "", Meaning = Meaning ?? "",
            Impact = Impact ?? "", Diagnosis = Diagnosis ?? "", Mitigation = Mitigation ?? "", Rollback = Rollback ?? "",
        };
        return f.ReadComplete(source, errors);
    }

    private (KnowledgeEntry?, IReadOnlyDictionary<string, string>) ReadComplete(string source, Dictionary<string, string> errors)
    {
        var title = Title.Trim();
        if (title.Length is 0 or > RunbookParser.MaxTitleChars)
            errors[nameof(Title)] = $"required, at most {RunbookParser.MaxTitleChars} characters";
        var alertNames = Lines(AlertNames, nameof(AlertNames), errors);
        var keywords = Lines(Keywords.Replace(',', '\n').Replace('，', '\n'), nameof(Keywords), errors);
        var matchers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, n) in Lines(Matchers, nameof(Matchers), errors).Select((l, i) => (l, i + 1)))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            var label = eq < 0 ? "" : line[..eq].Trim();
            var problem = !LabelName().IsMatch(label) ? "expected label=value with a Prometheus label name"
                : !matchers.TryAdd(label, line[(eq + 1)..].Trim()) ? $"'{label}' given twice" : null;
            if (problem is not null) errors.TryAdd(nameof(Matchers), $"line {n}: {problem}");
        }
        foreach (var (name, value) in new[] { (nameof(Component), Component), (nameof(ConfigurationItem), ConfigurationItem),
            (nameof(Patch), Patch) })
            if (value.Trim().Length > MaxNameChars || value.Contains('\n', StringComparison.Ordinal))
                errors[name] = $"one line of at most {MaxNameChars} characters";
        foreach (var (name, value) in new[] { (nameof(Meaning), Meaning), (nameof(Impact), Impact), (nameof(Diagnosis), Diagnosis),
            (nameof(Mitigation), Mitigation), (nameof(Rollback), Rollback) })
            if (value.Length > MaxTextChars) errors[name] = $"at most {MaxTextChars} characters";
        if (errors.Count > 0) return (null, errors);
        return (new KnowledgeEntry(title, source, 0)
        {
            AlertNames = alertNames, Matchers = matchers, Keywords = keywords, Component = Component.Trim(),
            ConfigurationItem = ConfigurationItem.Trim(), Patch = Patch.Trim(), Meaning = Text(Meaning), Impact = Text(Impact),
            Diagnosis = Text(Diagnosis), Mitigation = Text(Mitigation), Rollback = Text(Rollback),
        }, errors);
    }

    private static List<string> Lines(string text, string field, Dictionary<string, string> errors)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (lines.Count > KnowledgeFields.MaxListItems || lines.Any(l => l.Length > MaxNameChars))
            errors[field] = $"at most {KnowledgeFields.MaxListItems} lines of at most {MaxNameChars} characters";
        return lines;
    }

    private static string Text(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();
}
