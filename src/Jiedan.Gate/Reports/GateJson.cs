using System.Text.Json;
using System.Text.Json.Serialization;
using Jiedan.Domain.Gate.Checklist;

namespace Jiedan.Gate.Reports;

/// <summary>The machine-readable checklist (<c>--json</c> and gate.json): each check's id, measured value, threshold and status.</summary>
public static class GateJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public sealed record Document(
        bool Passed, string Project, DateTimeOffset At, string EvidenceSha256,
        IReadOnlyList<EvidenceEntry> Evidence, IReadOnlyList<CheckEntry> Checks,
        IReadOnlyList<PackageEntry> CoverageByPackage, IReadOnlyList<BenchmarkEntry> Benchmarks, IReadOnlyList<string> Notes);

    public sealed record EvidenceEntry(string Kind, string Path);

    public sealed record CheckEntry(string Id, string Title, string TitleZh, string Measured, string Threshold, GateStatus Status,
        IReadOnlyList<string> Details);

    /// <summary><paramref name="Display"/> is what <c>go test -cover</c> prints for the package (Go profiles).</summary>
    public sealed record PackageEntry(string Package, long Statements, long Covered, double Percent, string Display);

    public sealed record BenchmarkEntry(string Name, string Unit, double BaselineMedian, double CurrentMedian, double DeltaPercent,
        double PValue, string Display);

    public static Document Build(GateOutcome o) => new(
        o.Checklist.Passed, o.ProjectDir, o.At, o.EvidenceSha256,
        o.Files.Select(f => new EvidenceEntry(f.Kind.ToString(), f.Name)).ToList(),
        o.Checklist.Checks.Select(c => new CheckEntry(c.Id, c.Title, c.TitleZh, c.Measured, c.Threshold, c.Status, c.Details)).ToList(),
        o.Evidence.Coverage?.Packages.Select(p => new PackageEntry(p.Package, p.Statements, p.Covered, Math.Round(p.Percent, 1),
            p.Display)).ToList()
            ?? [],
        o.Evidence.Benchmarks?.Select(b => new BenchmarkEntry(b.Name, b.Unit, b.Baseline.Median, b.Current.Median,
            Math.Round(b.DeltaPercent, 2), Math.Round(b.PValue, 4), b.Display)).ToList() ?? [],
        o.Notes);

    public static string Serialize(GateOutcome outcome) => JsonSerializer.Serialize(Build(outcome), Options);

    /// <summary>Reads a stored gate.json back; null when it is not one (too deep, malformed or missing its fields).</summary>
    public static Document? Parse(string json)
    {
        try { return JsonSerializer.Deserialize<Document>(json, ReadOptions); }
        catch (JsonException) { return null; }
    }

    private static readonly JsonSerializerOptions ReadOptions = new(Options) { WriteIndented = false, MaxDepth = 16 };
}
