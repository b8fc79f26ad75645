using System.Text.Json;
using System.Text.Json.Serialization;
using Jiedan.Common.Cli;
using Jiedan.Domain.Credibility;

namespace Jiedan.Credibility.Audit;

/// <summary>One check as scripts read it: <c>id</c>, <c>passed</c>, <c>evidence</c>, <c>fix</c>, then <c>weight</c>.</summary>
public sealed record AuditCheckJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("evidence")] string Evidence,
    [property: JsonPropertyName("fix")] string Fix,
    [property: JsonPropertyName("weight")] double Weight)
{
    public static AuditCheckJson From(CredibilityCheck c) => new(c.Id, c.Passed, c.Evidence, c.Fix, c.Weight);
}

/// <summary>The CI figures of an audit that read the Actions API.</summary>
public sealed record AuditCiJson(
    [property: JsonPropertyName("branch")] string? Branch,
    [property: JsonPropertyName("successful")] int Successful,
    [property: JsonPropertyName("completed")] int Completed);

/// <summary>
/// The fixed interface of <c>jiedan audit PATH --json</c>: <c>score</c> (0–100) and <c>checks</c> first; then the
/// repository, the CI figures (null unless measured) and the files the walk skipped.
/// </summary>
public sealed record AuditJsonDocument(
    [property: JsonPropertyName("score")] int Score,
    [property: JsonPropertyName("checks")] IReadOnlyList<AuditCheckJson> Checks,
    [property: JsonPropertyName("repository")] string Repository,
    [property: JsonPropertyName("ci")] AuditCiJson? Ci,
    [property: JsonPropertyName("skipped")] IReadOnlyList<string> Skipped);

public static class AuditJson
{
    public static AuditJsonDocument Document(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ci = report.CiRuns is { Problem: null } r ? new AuditCiJson(r.Branch, r.Successful, r.Completed) : null;
        return new AuditJsonDocument(report.Score.Score, report.Score.Checks.Select(AuditCheckJson.From).ToList(), report.Repository, ci,
            report.Skipped);
    }

    public static string Checks(IReadOnlyList<CredibilityCheck> checks) =>
        JsonSerializer.Serialize(checks.Select(AuditCheckJson.From).ToList(), CliOutput.Json);

    public static IReadOnlyList<AuditCheckJson> ReadChecks(string json) =>
        JsonSerializer.Deserialize<List<AuditCheckJson>>(json, CliOutput.Json) ?? [];
}
