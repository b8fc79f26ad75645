using System.Text.Json;
using System.Text.Json.Serialization;
using Jiedan.Domain.Parsing;

namespace Jiedan.Domain.Gate.Findings;

/// <summary>Reads <c>gosec -fmt=json</c> output. Issues marked <c>nosec</c> or suppressed are counted apart.</summary>
public static class GosecReport
{
    private sealed record Report(
        [property: JsonPropertyName("Issues")] List<Issue>? Issues,
        [property: JsonPropertyName("GosecVersion")] string? Version);

    private sealed record Issue(
        [property: JsonPropertyName("severity")] string? Severity,
        [property: JsonPropertyName("confidence")] string? Confidence,
        [property: JsonPropertyName("rule_id")] string? RuleId,
        [property: JsonPropertyName("details")] string? Details,
        [property: JsonPropertyName("file")] string? File,
        [property: JsonPropertyName("line")] string? Line,
        [property: JsonPropertyName("nosec")] bool NoSec,
        [property: JsonPropertyName("suppressions")] List<JsonElement>? Suppressions);

    public static FindingSummary Parse(Stream content, string name)
    {
        Report? report;
        try
        {
            report = JsonSerializer.Deserialize<Report>(content, BoundedJson.SerializerOptions);
        }
        catch (JsonException e)
        {
            throw new GateInputException(name, e.LineNumber + 1, $"not gosec JSON: {BoundedJson.Describe(e)}", e);
        }
        if (report?.Issues is null) throw new GateInputException(name, null, "not gosec JSON: no 'Issues' array");
        var summary = new FindingSummary();
        summary.AddTool("gosec");
        foreach (var issue in report.Issues)
        {
            if (issue.NoSec || issue.Suppressions is { Count: > 0 }) { summary.AddSuppressed(1); continue; }
            long? line = long.TryParse(issue.Line?.Split('-')[0], out var l) ? l : null;
            summary.Add(new Finding("gosec", issue.RuleId ?? "?", SeverityMapping.FromGosec(issue.Severity), issue.Details ?? "",
                issue.File, line));
        }
        return summary;
    }
}
