namespace Jiedan.Domain.Incidents;

/// <summary>
/// One Alertmanager webhook notification (payload version "4"): a group of alerts that share <see cref="GroupLabels"/>.
/// <see cref="TruncatedAlerts"/> counts alerts Alertmanager left out because of the receiver's <c>max_alerts</c>.
/// </summary>
public sealed record AlertGroup(
    string Receiver, AlertStatus Status, string GroupKey, int TruncatedAlerts,
    IReadOnlyDictionary<string, string> GroupLabels, IReadOnlyDictionary<string, string> CommonLabels,
    IReadOnlyDictionary<string, string> CommonAnnotations, string ExternalUrl, IReadOnlyList<Alert> Alerts);

/// <summary>One alert of a notification. <see cref="EndsAtUtc"/> is null while Alertmanager sends its zero time.</summary>
public sealed record Alert(
    AlertStatus Status, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations,
    DateTime StartsAtUtc, DateTime? EndsAtUtc, string GeneratorUrl, string Fingerprint)
{
    private static readonly string[] TextKeys = ["summary", "description", "message"];

    public string Name => Labels.GetValueOrDefault("alertname", "");

    /// <summary>The text a person wrote for it: summary, description and message annotations.</summary>
    public string Text => string.Join('\n', TextKeys
        .Select(k => Annotations.GetValueOrDefault(k, "")).Where(t => t.Length > 0));
}

public enum AlertStatus
{
    Firing,
    Resolved,
}
