using System.Text.Json;
using Jiedan.Domain.Parsing;

namespace Jiedan.Domain.Quote;

/// <summary>Reads the findings of <c>golangci-lint run --out-format json</c> (the <c>Issues</c> array).</summary>
public static class GolangciLintReport
{
    /// <exception cref="FormatException">the text is not golangci-lint JSON.</exception>
    public static IReadOnlyList<LintFinding> Parse(Stream json)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, BoundedJson.DocumentOptions); }
        catch (JsonException e) { throw new FormatException($"not JSON (line {e.LineNumber + 1}): {BoundedJson.Describe(e)}", e); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new FormatException("golangci-lint JSON is an object with an \"Issues\" array");
            if (!doc.RootElement.TryGetProperty("Issues", out var issues) || issues.ValueKind == JsonValueKind.Null) return [];
            if (issues.ValueKind != JsonValueKind.Array) throw new FormatException("\"Issues\" must be an array");
            return issues.EnumerateArray().Select(i => new LintFinding(
                Text(i, "FromLinter"), Text(i, "Text"),
                i.TryGetProperty("Pos", out var pos) ? Text(pos, "Filename") : "",
                i.TryGetProperty("Pos", out var p2) && p2.TryGetProperty("Line", out var line) && line.TryGetInt32(out var n) ? n : 0))
                    .ToList();
        }
    }

    private static string Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()! : "";
}

public sealed record LintFinding(string Linter, string Text, string File, int Line);
