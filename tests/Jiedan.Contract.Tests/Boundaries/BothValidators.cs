using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Jiedan.Domain.Contract;
using Json.Schema;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Probes.V1;

namespace Jiedan.Contract.Tests.Boundaries;

/// <summary>
/// One JSON object judged by both sides of the contract of requirements/probes.yml: the generated OpenAPI schema
/// <c>Probe</c> with a JSON Schema validator (JsonSchema.Net, formats asserted), and the generated message <c>Probe</c>
/// (compiled from Boundaries/probes.proto by Grpc.Tools) with protovalidate.
/// </summary>
internal static class BothValidators
{
    private static readonly JsonSchema Schema = BuildSchema();
    private static readonly ProtoValidate.Validator Validator = new(new ProtoValidate.ValidatorOptions
    {
        PreLoadDescriptors = true,
        // Lazy: with DisableLazy = true, ProtoValidate 1.0.1 found "no evaluator" for the preloaded message.
        DisableLazy = false,
        FileDescriptors = [ProbesReflection.Descriptor],
    });

    /// <summary>A valid Probe: the required fields only.</summary>
    public static JsonObject Base() => new()
    {
        ["name"] = "ab",
        ["seen_at"] = Examples.Instant,
        ["tags"] = new JsonArray("a"),
    };

    public static (bool OpenApi, bool Proto) Accepts(JsonObject probe) => (OpenApiAccepts(probe), ProtoAccepts(probe));

    public static bool OpenApiAccepts(JsonObject probe)
    {
        using var instance = JsonDocument.Parse(probe.ToJsonString());
        return Schema.Evaluate(instance.RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid;
    }

    public static bool ProtoAccepts(JsonObject probe) => ProtoViolations(probe).Length == 0;

    /// <summary>protovalidate's rule ids of every violation, comma-separated; empty when the message is valid.</summary>
    public static string ProtoViolations(JsonObject probe)
    {
        var message = JsonParser.Default.Parse<Probe>(ProtoJson(probe).ToJsonString());
        return string.Join(", ", Validator.Validate(message, false).Violations.Select(v => $"{v.Field} {v.RuleId} {v.Message}"));
    }

    /// <summary>Proto JSON spells enum values by their proto names; a value the contract does not define becomes 99.</summary>
    private static JsonObject ProtoJson(JsonObject probe)
    {
        var copy = (JsonObject)probe.DeepClone();
        if (copy["status"] is JsonValue status) copy["status"] = EnumValue("PROBE_STATUS_", status.GetValue<string>(), "active", "banned");
        if (copy["levels"] is JsonArray levels)
        {
            copy["levels"] = new JsonArray(levels.Select(l => EnumValue("PROBE_LEVELS_", l!.GetValue<string>(), "low", "high")).ToArray());
        }
        return copy;
    }

    private static JsonValue EnumValue(string prefix, string value, params string[] defined) =>
        defined.Contains(value) ? JsonValue.Create(prefix + value.ToUpperInvariant()) : JsonValue.Create(99);

    /// <summary>components.schemas of the generated document as <c>$defs</c> of one JSON Schema whose root is Probe.</summary>
    private static JsonSchema BuildSchema()
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var document = OpenApiDocument.Parse(Requirements.Generate("probes.yml").OpenApiYaml, OpenApiConstants.Yaml, settings).Document!;
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        document.SerializeAsV3(new OpenApiJsonWriter(text));
        var schemas = JsonNode.Parse(text.ToString())!["components"]!["schemas"]!;
        DropAnnotations(schemas);
        var json = schemas.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText($$"""{ "$defs": {{json}}, "$ref": "#/$defs/Probe" }""");
    }

    /// <summary>
    /// OpenAPI 3.0's <c>example</c> and the <c>x-</c> keys are annotations JSON Schema 2020-12 does not know (JsonSchema.Net
    /// refuses unknown keywords); none of them constrains a value.
    /// </summary>
    private static void DropAnnotations(JsonNode? node)
    {
        if (node is JsonArray array) foreach (var item in array) DropAnnotations(item);
        if (node is not JsonObject obj) return;
        foreach (var key in obj.Select(p => p.Key).Where(k => k is "example" || k.StartsWith("x-", StringComparison.Ordinal)).ToList())
            obj.Remove(key);
        foreach (var (_, value) in obj) DropAnnotations(value);
    }
}
