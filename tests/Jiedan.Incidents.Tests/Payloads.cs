using System.Text.Json;

namespace Jiedan.Incidents.Tests;

/// <summary>Alertmanager webhook payloads (version 4) as Alertmanager writes them.</summary>
public static class Payloads
{
    public sealed record TestAlert(string Name, string Fingerprint, string Status = "firing", string StartsAt = "2026-11-30T08:00:00Z",
        string Summary = "", string Description = "", IReadOnlyDictionary<string, string>? Labels = null,
        string EndsAt = "0001-01-01T00:00:00Z");

    public static string Group(string status, int truncated, params TestAlert[] alerts) => JsonSerializer.Serialize(new
    {
        receiver = "jiedan",
        status,
        alerts = alerts.Select(a => new
        {
            status = a.Status,
            labels = new Dictionary<string, string>(a.Labels ?? new Dictionary<string, string>()) { ["alertname"] = a.Name,
                ["severity"] = "critical" },
            annotations = new Dictionary<string, string> { ["summary"] = a.Summary, ["description"] = a.Description },
            startsAt = a.StartsAt,
            endsAt = a.EndsAt,
            generatorURL = "http://prometheus:9090/graph?g0.expr=up",
            fingerprint = a.Fingerprint,
        }),
        groupLabels = new Dictionary<string, string> { ["alertname"] = alerts[0].Name },
        commonLabels = new Dictionary<string, string> { ["severity"] = "critical" },
        commonAnnotations = new Dictionary<string, string>(),
        externalURL = "http://alertmanager:9093",
        version = "4",
        groupKey = "{}:{alertname=\"" + alerts[0].Name + "\"}",
        truncatedAlerts = truncated,
    });

    public static string Firing(params TestAlert[] alerts) => Group("firing", 0, alerts);
}
