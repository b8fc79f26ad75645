using System.Text.Json;
using Jiedan.Domain.Parsing;

namespace Jiedan.Domain.Credibility.Conversion;

/// <summary>The three asset scores of one scoring, with optional notes on where they came from.</summary>
public sealed record AssetScores(AssetScore Proposal, AssetScore Repository, AssetScore Demo, string? Notes);

/// <summary>
/// Reads <c>{"proposal": ASSET, "repository": ASSET, "demo": ASSET, "notes": "…"}</c>, ASSET being
/// <c>{"score": 0..100, "checks": [{"id", "passed", "evidence", "fix", "weight"}]}</c>. Every field is checked against
/// <see cref="ConversionLimits"/>; unknown fields are refused. A problem throws <see cref="ConversionInputException"/>
/// naming the field, never quoting the input.
/// </summary>
public static class AssetScoresJson
{
    private static readonly string[] CheckFields = ["id", "passed", "evidence", "fix", "weight"];

    public static AssetScores Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try { document = JsonDocument.Parse(json, BoundedJson.DocumentOptions); }
        catch (JsonException e) { throw new ConversionInputException("body", $"line {BoundedJson.Line(e)}: {BoundedJson.Describe(e)}"); }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ConversionInputException("body", "must be a JSON object");
            Unknown(root, "", [.. ConversionAssets.All, "notes"]);
            var notes = root.TryGetProperty("notes", out var n) && n.ValueKind != JsonValueKind.Null
                ? Text(n, "notes", ConversionLimits.Notes, allowEmpty: true)
                : null;
            return new AssetScores(Asset(root, ConversionAssets.Proposal), Asset(root, ConversionAssets.Repository),
                Asset(root, ConversionAssets.Demo), notes);
        }
    }

    private static AssetScore Asset(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var asset)) throw new ConversionInputException(name, "is required");
        if (asset.ValueKind != JsonValueKind.Object) throw new ConversionInputException(name, "must be an object with score and checks");
        Unknown(asset, name + ".", ["score", "checks"]);
        if (!asset.TryGetProperty("score", out var s)) throw new ConversionInputException($"{name}.score", "is required");
        if (s.ValueKind != JsonValueKind.Number || !s.TryGetInt32(out var score) || score is < 0 or > 100)
            throw new ConversionInputException($"{name}.score", "must be a whole number from 0 to 100");
        var checks = new List<CredibilityCheck>();
        if (asset.TryGetProperty("checks", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array) throw new ConversionInputException($"{name}.checks", "must be an array");
            if (list.GetArrayLength() > ConversionLimits.ChecksPerAsset)
                throw new ConversionInputException($"{name}.checks", $"at most {ConversionLimits.ChecksPerAsset} checks");
            var i = 0;
            foreach (var c in list.EnumerateArray()) checks.Add(Check(c, $"{name}.checks[{i++}]"));
            var duplicate = checks.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) throw new ConversionInputException($"{name}.checks", "check ids must be unique");
        }
        return new AssetScore(score, checks);
    }

    private static CredibilityCheck Check(JsonElement c, string field)
    {
        if (c.ValueKind != JsonValueKind.Object) throw new ConversionInputException(field, "must be an object");
        Unknown(c, field + ".", CheckFields);
        var id = Text(Required(c, "id", field), $"{field}.id", ConversionLimits.CheckId, allowEmpty: false);
        if (!id.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.'))
            throw new ConversionInputException($"{field}.id", "use letters, digits, '-', '_' or '.'");
        var passed = Required(c, "passed", field);
        if (passed.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            throw new ConversionInputException($"{field}.passed", "must be true or false");
        var evidence = c.TryGetProperty("evidence", out var e) ? Text(e, $"{field}.evidence", ConversionLimits.Evidence, true) : "";
        var fix = c.TryGetProperty("fix", out var f) ? Text(f, $"{field}.fix", ConversionLimits.Fix, true) : "";
        var w = Required(c, "weight", field);
        if (w.ValueKind != JsonValueKind.Number || !w.TryGetDouble(out var weight) || !double.IsFinite(weight)
            || weight < 0 || weight > ConversionLimits.CheckWeight)
            throw new ConversionInputException($"{field}.weight", $"must be a number from 0 to {ConversionLimits.CheckWeight}");
        return new CredibilityCheck(id, passed.GetBoolean(), evidence, fix, weight);
    }

    private static JsonElement Required(JsonElement parent, string name, string field) =>
        parent.TryGetProperty(name, out var value) ? value : throw new ConversionInputException($"{field}.{name}", "is required");

    private static string Text(JsonElement value, string field, int max, bool allowEmpty)
    {
        if (value.ValueKind != JsonValueKind.String) throw new ConversionInputException(field, "must be a string");
        var text = value.GetString()!;
        if (!allowEmpty && text.Trim().Length == 0) throw new ConversionInputException(field, "must not be empty");
        if (text.Length > max) throw new ConversionInputException(field, $"longer than {max} characters");
        if (text.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\t')))
            throw new ConversionInputException(field, "contains control characters");
        return text;
    }

    private static void Unknown(JsonElement obj, string prefix, IReadOnlyCollection<string> known)
    {
        foreach (var p in obj.EnumerateObject())
        {
            if (!known.Contains(p.Name, StringComparer.Ordinal))
                throw new ConversionInputException(prefix.Length == 0 ? "body" : prefix.TrimEnd('.'),
                    $"unknown field (known: {string.Join(", ", known)})");
        }
    }
}
