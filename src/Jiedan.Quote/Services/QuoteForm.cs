using System.Globalization;
using Jiedan.Domain.Quote;
using YamlDotNet.Serialization;

namespace Jiedan.Quote.Services;

/// <summary>
/// The dashboard's quote form, turned into a spec in the documented YAML schema, so the builder, the CLI and the API
/// all price through the same parser. Features are written one per line:
/// <c>Place order: OrderCreated(EI average) → InventoryDeduct(ILF average) → ShipmentScheduled(EO high)</c>.
/// </summary>
public sealed record QuoteForm
{
    public string? Title { get; init; }
    public string? Client { get; init; }
    public string Platform { get; init; } = "Upwork";
    public string Seniority { get; init; } = "Mid";
    public long? Lines { get; init; }
    public string? Features { get; init; }
    public decimal? P99Ms { get; init; } = 200;
    public decimal? UptimePercent { get; init; } = 99.9m;
    public decimal? DebtPercent { get; init; }
    public decimal WeightSize { get; init; } = LayerWeights.Default.Size;
    public decimal WeightFunctionPoints { get; init; } = LayerWeights.Default.FunctionPoints;
    public decimal WeightSla { get; init; } = LayerWeights.Default.Sla;
    public int ValidityDays { get; init; } = 30;

    public string ToYaml()
    {
        var spec = new Dictionary<string, object>();
        if (!string.IsNullOrWhiteSpace(Title)) spec["title"] = Title.Trim();
        if (!string.IsNullOrWhiteSpace(Client)) spec["client"] = Client.Trim();
        spec["platform"] = Platform;
        spec["seniority"] = Seniority;
        if (Lines is { } lines) spec["size"] = new Dictionary<string, object> { ["lines"] = lines };
        var features = ParseFeatures(Features);
        if (features.Count > 0) spec["function_points"] = features;
        var sla = new Dictionary<string, object>();
        if (P99Ms is { } p99) sla["p99_ms"] = p99;
        if (UptimePercent is { } uptime) sla["uptime_percent"] = uptime;
        spec["sla"] = sla;
        if (DebtPercent is { } debt) spec["tech_debt"] = new Dictionary<string, object> { ["ratio_percent"] = debt };
        spec["weights"] = new Dictionary<string,
            object> { ["size"] = WeightSize, ["function_points"] = WeightFunctionPoints, ["sla"] = WeightSla };
        spec["validity_days"] = ValidityDays;
        return new SerializerBuilder().Build().Serialize(spec);
    }

    /// <summary>Which form field a spec field came from, so an error shows next to its input.</summary>
    public static string FieldFor(string specField) => specField switch
    {
        "platform" or "currency" or "hourly_rate" => nameof(Platform),
        "seniority" => nameof(Seniority),
        "sla.p99_ms" => nameof(P99Ms),
        "sla.uptime_percent" or "sla" => nameof(UptimePercent),
        var f when f.StartsWith("tech_debt", StringComparison.Ordinal) => nameof(DebtPercent),
        var f when f.StartsWith("weights", StringComparison.Ordinal) => "Weights",
        var f when f.StartsWith("function_points", StringComparison.Ordinal) => nameof(Features),
        var f when f.StartsWith("size", StringComparison.Ordinal) => nameof(Lines),
        "validity_days" => nameof(ValidityDays),
        _ => "",
    };

    private static List<Dictionary<string, object>> ParseFeatures(string? text)
    {
        var features = new List<Dictionary<string, object>>();
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? line[..colon].Trim() : $"Feature {i + 1}";
            var chainText = colon > 0 ? line[(colon + 1)..] : line;
            var events = new List<string>();
            var steps = new Dictionary<string, object>();
            foreach (var part in FeatureChain.SplitChain(chainText))
            {
                var open = part.IndexOf('(', StringComparison.Ordinal);
                if (open > 0 && part.EndsWith(')'))
                {
                    var eventName = part[..open].Trim();
                    events.Add(eventName);
                    steps[eventName] = part[(open + 1)..^1].Trim();
                }
                else events.Add(part.Trim());
            }
            var feature = new Dictionary<string, object> { ["feature"] = name, ["chain"] = string.Join(" → ", events) };
            if (steps.Count > 0) feature["steps"] = steps;
            features.Add(feature);
        }
        return features;
    }

    public static string FormatNumber(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
