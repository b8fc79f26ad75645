namespace Jiedan.Domain.Incidents;

/// <summary>What matching looks at in an alert: its name, labels, and the summary/description a person wrote.</summary>
public sealed record AlertQuery(string Name, IReadOnlyDictionary<string, string> Labels, string Text)
{
    /// <summary>Labels that say nothing about the cause; left out of text similarity.</summary>
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
        { "alertname", "severity", "prometheus", "instance", "pod", "endpoint", "uid", "id", "receiver", "fingerprint" };

    public static AlertQuery From(Alert alert) => new(alert.Name, alert.Labels, alert.Text);

    public string SearchText => string.Join('\n', new[]
    {
        Identifiers.Words(Name),
        string.Join(' ', Labels.Where(l => !Noise.Contains(l.Key)).Select(l => Identifiers.Words(l.Value))),
        Text,
    }.Where(s => s.Length > 0));
}
