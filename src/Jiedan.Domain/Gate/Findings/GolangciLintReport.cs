using System.Text.Json;
using System.Text.Json.Serialization;
using Jiedan.Domain.Parsing;

namespace Jiedan.Domain.Gate.Findings;

/// <summary>Reads <c>golangci-lint run --out-format json</c> (v1) / <c>--output.json.path</c> (v2) output.</summary>
public static class GolangciLintReport
{
    private sealed record Report([property: JsonPropertyName("Issues")] List<Issue>? Issues);

    private sealed record Issue(
        [property: JsonPropertyName("FromLinter")] string? FromLinter,
        [property: JsonPropertyName("Text")] string? Text,
        [property: JsonPropertyName("Severity")] string? Severity,
        [property: JsonPropertyName("Pos")] Position? Pos);

    private sealed record Position(
        [property: JsonPropertyName("Filename")] string? Filename,
        [property: JsonPropertyName("Line")] long Line);

    public static FindingSummary Parse(Stream content, string name)
    {
        Report? report;
        try
        {
            report = JsonSerializer.Deserialize<Report>(content, BoundedJson.SerializerOptions);
        }
        catch (JsonException e)
        {
            throw new GateInputException(name, e.LineNumber + 1, $"not golangci-lint JSON: {BoundedJson.Describe(e)}", e);
        }
        if (report is null) throw new GateInputException(name, null, "not golangci-lint JSON: empty document");
        var summary = new FindingSummary();
        summary.AddTool("golangci-lint");
        foreach (var issue in report.Issues ?? [])
        {
            var linter = issue.FromLinter ?? "golangci-lint";
            summary.Add(new Finding("golangci-lint/" + linter, linter, SeverityMapping.FromGolangci(issue.Severity),
                issue.Text ?? "", issue.Pos?.Filename, issue.Pos?.Line));
        }
        return summary;
    }
}
