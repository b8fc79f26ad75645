using System.Globalization;
using System.Text.Json;
using Jiedan.Domain.Parsing;

namespace Jiedan.Domain.Incidents;

/// <summary>
/// Reads Alertmanager's webhook payload (version "4") within <see cref="AlertmanagerLimits"/>. Every refusal is an
/// <see cref="IncidentFormatException"/> naming the field (<c>alerts[1].labels</c>) and the problem, never the content.
/// </summary>
public static class AlertmanagerParser
{
    public const string Version = "4";
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = AlertmanagerLimits.MaxDepth };

    public static AlertGroup Parse(ReadOnlyMemory<byte> body)
    {
        if (body.Length > AlertmanagerLimits.MaxBodyBytes)
            throw new IncidentFormatException("body", $"larger than {AlertmanagerLimits.MaxBodyBytes} bytes");
        JsonDocument document;
        try { document = JsonDocument.Parse(body, Options); }
        catch (JsonException e)
        {
            throw new IncidentFormatException("body", BoundedJson.Describe(e).Replace(
                $"{BoundedJson.MaxDepth} levels", $"{AlertmanagerLimits.MaxDepth} levels", StringComparison.Ordinal));
        }
        using (document) return Read(document.RootElement);
    }

    public static AlertGroup Parse(string json) => Parse(System.Text.Encoding.UTF8.GetBytes(json));

    private static AlertGroup Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new IncidentFormatException("body", "not a JSON object");
        var version = Text(root, "version", "version", required: true);
        if (version != Version) throw new IncidentFormatException("version", $"must be \"{Version}\" (Alertmanager's webhook payload)");
        var alerts = root.TryGetProperty("alerts", out var a) && a.ValueKind == JsonValueKind.Array
            ? a : throw new IncidentFormatException("alerts", "missing or not an array");
        if (alerts.GetArrayLength() > AlertmanagerLimits.MaxAlerts)
            throw new IncidentFormatException("alerts", $"more than {AlertmanagerLimits.MaxAlerts} alerts");
        var list = new List<Alert>();
        var i = 0;
        foreach (var alert in alerts.EnumerateArray()) list.Add(ReadAlert(alert, $"alerts[{i++}]"));
        var truncated = 0;
        if (root.TryGetProperty("truncatedAlerts", out var t) && t.ValueKind != JsonValueKind.Null
            && (t.ValueKind != JsonValueKind.Number || !t.TryGetInt32(out truncated) || truncated < 0))
            throw new IncidentFormatException("truncatedAlerts", "not a non-negative integer");
        return new AlertGroup(
            Text(root, "receiver", "receiver"), Status(root, "status"), Text(root, "groupKey", "groupKey"), truncated,
            Map(root, "groupLabels", "groupLabels"), Map(root, "commonLabels", "commonLabels"),
            Map(root, "commonAnnotations", "commonAnnotations"), Text(root, "externalURL", "externalURL"), list);
    }

    private static Alert ReadAlert(JsonElement alert, string path)
    {
        if (alert.ValueKind != JsonValueKind.Object) throw new IncidentFormatException(path, "not a JSON object");
        var fingerprint = Text(alert, "fingerprint", $"{path}.fingerprint", required: true);
        if (fingerprint.Length > AlertmanagerLimits.MaxFingerprintChars || !fingerprint.All(char.IsAsciiLetterOrDigit))
            throw new IncidentFormatException($"{path}.fingerprint", "not an Alertmanager fingerprint (hex digits)");
        var labels = Map(alert, "labels", $"{path}.labels");
        if (!labels.ContainsKey("alertname")) throw new IncidentFormatException($"{path}.labels", "no alertname label");
        var starts = Instant(alert, "startsAt", $"{path}.startsAt")
            ?? throw new IncidentFormatException($"{path}.startsAt", "missing");
        return new Alert(Status(alert, $"{path}.status", "status"), labels, Map(alert, "annotations", $"{path}.annotations"),
            starts, Instant(alert, "endsAt", $"{path}.endsAt"), Text(alert, "generatorURL", $"{path}.generatorURL"), fingerprint);
    }

    private static AlertStatus Status(JsonElement e, string field, string name = "status") =>
        Text(e, name, field, required: true) switch
        {
            "firing" => AlertStatus.Firing,
            "resolved" => AlertStatus.Resolved,
            _ => throw new IncidentFormatException(field, "must be \"firing\" or \"resolved\""),
        };

    private static string Text(JsonElement e, string name, string field, bool required = false)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return required ? throw new IncidentFormatException(field, "missing") : "";
        if (v.ValueKind != JsonValueKind.String) throw new IncidentFormatException(field, "not a string");
        var s = v.GetString()!;
        return s.Length > AlertmanagerLimits.MaxValueChars
            ? throw new IncidentFormatException(field, $"longer than {AlertmanagerLimits.MaxValueChars} characters")
            : s;
    }

    private static DateTime? Instant(JsonElement e, string name, string field)
    {
        var text = Text(e, name, field);
        if (text.Length == 0) return null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            throw new IncidentFormatException(field, "not an RFC 3339 time");
        // Alertmanager sends 0001-01-01T00:00:00Z for "not ended yet".
        return at.Year <= 1 ? null : at.UtcDateTime;
    }

    private static Dictionary<string, string> Map(JsonElement e, string name, string field)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return map;
        if (v.ValueKind != JsonValueKind.Object) throw new IncidentFormatException(field, "not an object of strings");
        foreach (var p in v.EnumerateObject())
        {
            if (map.Count >= AlertmanagerLimits.MaxLabels)
                throw new IncidentFormatException(field, $"more than {AlertmanagerLimits.MaxLabels} entries");
            if (p.Name.Length > AlertmanagerLimits.MaxKeyChars)
                throw new IncidentFormatException(field, $"a name longer than {AlertmanagerLimits.MaxKeyChars} characters");
            if (p.Value.ValueKind != JsonValueKind.String) throw new IncidentFormatException(field, "a value that is not a string");
            var s = p.Value.GetString()!;
            if (s.Length > AlertmanagerLimits.MaxValueChars)
                throw new IncidentFormatException(field, $"a value longer than {AlertmanagerLimits.MaxValueChars} characters");
            map[p.Name] = s;
        }
        return map;
    }
}
