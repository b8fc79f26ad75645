using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Jiedan.Domain.Parsing;

namespace Jiedan.Domain.Gate.Findings;

/// <summary>
/// Reads SARIF 2.1.0 from any tool, streaming: results are aggregated per rule and level as they are read, so memory
/// grows with the number of distinct rules, not with the number of results. Checks the structure the schema requires
/// (version 2.1.0, runs, tool.driver.name, a message with text or id on every result, valid levels).
/// Severity: a rule's <c>security-severity</c> property when present, else the result's level, else the rule's
/// default level, else "warning" (SARIF's default). Suppressed results and results whose kind is not "fail" are not
/// findings; results with baselineState "absent" are gone and not counted.
/// </summary>
public static class SarifReport
{
    public static FindingSummary Parse(Stream content, string name)
    {
        using var buffer = new JsonStreamBuffer(content, name);
        try
        {
            return new SarifParser(buffer).Parse();
        }
        catch (JsonException e)
        {
            throw new GateInputException(name, e.LineNumber + 1, BoundedJson.Describe(e), e);
        }
    }
}

/// <remarks>
/// The per-result methods are marked AggressiveOptimization: a run over a 100 MB file lasts about a second, most of
/// which tiered compilation would otherwise spend in unoptimised code (measured +20%, see BENCHMARKS.md).
/// </remarks>
internal sealed class SarifParser(JsonStreamBuffer json)
{
    private sealed record Rule(string? Id, string? Level, double? SecuritySeverity);

    private sealed class Group
    {
        public long Count;
        public readonly List<(string Message, string? File, long? Line)> Samples = [];
    }

    private readonly record struct GroupKey(string? RuleId, int RuleIndex, string? Level);

    private const int SamplesPerGroup = 20;
    private readonly FindingSummary _summary = new();
    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);
    private long _runNumber;

    public FindingSummary Parse()
    {
        var r = json.Start();
        json.Read(ref r);
        if (r.TokenType != JsonTokenType.StartObject) throw Error(ref r, "not SARIF: expected a JSON object");
        string? version = null;
        var sawRuns = false;
        while (NextProperty(ref r))
        {
            if (r.ValueTextEquals("version"u8))
            {
                version = ReadString(ref r, "version");
                if (version != "2.1.0") throw Error(ref r, "unsupported SARIF version (expected 2.1.0)");
            }
            else if (r.ValueTextEquals("runs"u8))
            {
                sawRuns = true;
                ExpectArray(ref r, "runs");
                while (NextElement(ref r)) ParseRun(ref r);
            }
            else json.Skip(ref r);
        }
        if (version is null) throw new GateInputException(json.Name, 1, "not SARIF: missing required property 'version'");
        if (!sawRuns) throw new GateInputException(json.Name, 1, "not SARIF: missing required property 'runs'");
        return _summary;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    private void ParseRun(ref Utf8JsonReader r)
    {
        _runNumber++;
        var runLine = json.Line(ref r);
        if (r.TokenType != JsonTokenType.StartObject) throw Error(ref r, $"runs[{_runNumber - 1}] must be an object");
        string? toolName = null;
        List<Rule>? rules = null;
        var groups = new Dictionary<GroupKey, Group>();
        long suppressed = 0;
        while (NextProperty(ref r))
        {
            if (r.ValueTextEquals("tool"u8)) (toolName, rules) = ParseTool(ref r);
            else if (r.ValueTextEquals("results"u8))
            {
                ExpectArray(ref r, "results");
                while (NextElement(ref r)) suppressed += ParseResult(ref r, groups);
            }
            else json.Skip(ref r);
        }
        if (toolName is null)
            throw new GateInputException(json.Name, runLine, $"runs[{_runNumber - 1}]: missing required property 'tool'");

        _summary.AddTool(toolName);
        _summary.AddSuppressed(suppressed);
        foreach (var (key, group) in groups)
        {
            var rule = FindRule(rules, key);
            var ruleId = key.RuleId ?? rule?.Id ?? "?";
            var severity = rule?.SecuritySeverity is { } score
                ? SeverityMapping.FromSecuritySeverity(score)
                : SeverityMapping.FromSarifLevel(key.Level ?? rule?.Level ?? "warning");
            _summary.Add(severity, group.Count, null);
            foreach (var (message, file, line) in group.Samples)
                _summary.Add(severity, 0, new Finding(toolName, ruleId, severity, message, file, line));
        }
    }

    private static Rule? FindRule(List<Rule>? rules, GroupKey key)
    {
        if (rules is null) return null;
        if (key.RuleIndex >= 0 && key.RuleIndex < rules.Count) return rules[key.RuleIndex];
        if (key.RuleId is null) return null;
        foreach (var rule in rules) if (rule.Id == key.RuleId) return rule;
        // A hierarchical id ("CA1000/sub") falls back to its base rule.
        var slash = key.RuleId.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? rules.Find(x => x.Id == key.RuleId[..slash]) : null;
    }

    private (string Name, List<Rule> Rules) ParseTool(ref Utf8JsonReader r)
    {
        var line = json.Line(ref r);
        json.Read(ref r);
        if (r.TokenType != JsonTokenType.StartObject) throw Error(ref r, "'tool' must be an object");
        (string? Name, List<Rule> Rules)? driver = null;
        while (NextProperty(ref r))
        {
            if (r.ValueTextEquals("driver"u8)) driver = ParseDriver(ref r);
            else json.Skip(ref r);
        }
        if (driver is null) throw new GateInputException(json.Name, line, "tool: missing required property 'driver'");
        if (driver.Value.Name is null) throw new GateInputException(json.Name, line, "tool.driver: missing required property 'name'");
        return (driver.Value.Name, driver.Value.Rules);
    }

    private (string? Name, List<Rule> Rules) ParseDriver(ref Utf8JsonReader r)
    {
        json.Read(ref r);
        if (r.TokenType != JsonTokenType.StartObject) throw Error(ref r, "'driver' must be an object");
        string? name = null;
        var rules = new List<Rule>();
        while (NextProperty(ref r))
        {
            if (r.ValueTextEquals("name"u8)) name = ReadString(ref r, "name");
            else if (r.ValueTextEquals("rules"u8))
            {
                ExpectArray(ref r, "rules");
                while (NextElement(ref r)) rules.Add(ParseRule(ref r));
            }
            else json.Skip(ref r);
        }
        return (name, rules);
    }

    private Rule ParseRule(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject) throw Error(ref r, "a rule must be an object");
        string? id = null, level = null;
        double? security = null;
        while (NextProperty(ref r))
        {
            if (r.ValueTextEquals("id"u8)) id = ReadString(ref r, "id");
            else if (r.ValueTextEquals("defaultConfiguration"u8))
            {
                json.Read(ref r);
                if (r.TokenType != JsonTokenType.StartObject) throw Error(ref r, "'defaultConfiguration' must be an object");
                while (NextProperty(ref r))
                {
                    if (r.ValueTextEquals("level"u8)) level = ReadLevel(ref r);
                    else json.Skip(ref r);
                }
            }
            else if (r.ValueTextEquals("properties"u8))
            {
                json.Read(ref r);
                if (r.TokenType != JsonTokenType.StartObject) throw Error(ref r, "'properties' must be an object");
                while (NextProperty(ref r))
                {
                    if (r.ValueTextEquals("security-severity"u8)) security = ReadScore(ref r);
                    else json.Skip(ref r);
                }
            }
            else json.Skip(ref r);
        }
        return new Rule(id, level, security);
    }

    /// <summary>Returns 1 when the result is suppressed, else 0 (and adds it to its group).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ParseResult(ref Utf8JsonReader r, Dictionary<GroupKey, Group> groups)
    {
        var line = json.Line(ref r);
        if (r.TokenType != JsonTokenType.StartObject) throw Error(ref r, "a result must be an object");
        string? ruleId = null, level = null, message = null, file = null;
        long? startLine = null;
        var ruleIndex = -1;
        var sawMessage = false;
        var suppressed = false;
        var counted = true;
        while (NextProperty(ref r))
        {
            if (r.ValueTextEquals("ruleId"u8)) ruleId = ReadInterned(ref r, "ruleId");
            else if (r.ValueTextEquals("ruleIndex"u8)) ruleIndex = ReadInt(ref r, "ruleIndex");
            else if (r.ValueTextEquals("rule"u8))
            {
                json.Read(ref r);
                if (r.TokenType != JsonTokenType.StartObject) throw Error(ref r, "'rule' must be an object");
                while (NextProperty(ref r))
                {
                    if (r.ValueTextEquals("id"u8)) ruleId ??= ReadInterned(ref r, "id");
                    else if (r.ValueTextEquals("index"u8)) ruleIndex = ReadInt(ref r, "index");
                    else json.Skip(ref r);
                }
            }
            else if (r.ValueTextEquals("level"u8)) level = ReadLevel(ref r);
            else if (r.ValueTextEquals("kind"u8)) counted &= ReadStringIs(ref r, "kind", "fail"u8);
            else if (r.ValueTextEquals("baselineState"u8)) counted &= !ReadStringIs(ref r, "baselineState", "absent"u8);
            else if (r.ValueTextEquals("message"u8))
            {
                sawMessage = true;
                // The text is only kept as a sample; when this rule's group has enough, it is checked but not copied.
                message = ParseMessage(ref r, keep: WantsSample(groups, ruleId, ruleIndex, level));
            }
            else if (r.ValueTextEquals("locations"u8))
            {
                if (WantsSample(groups, ruleId, ruleIndex, level)) (file, startLine) = ParseLocations(ref r);
                else json.Skip(ref r);
            }
            else if (r.ValueTextEquals("suppressions"u8))
            {
                ExpectArray(ref r, "suppressions");
                while (NextElement(ref r)) { suppressed = true; json.Skip(ref r); }
            }
            else json.Skip(ref r);
        }
        if (!sawMessage) throw new GateInputException(json.Name, line, "result: missing required property 'message'");
        if (suppressed) return 1;
        if (!counted) return 0;

        var key = new GroupKey(ruleId, ruleIndex, level);
        if (!groups.TryGetValue(key, out var group)) groups[key] = group = new Group();
        group.Count++;
        if (group.Samples.Count < SamplesPerGroup && message is not null) group.Samples.Add((message, file, startLine));
        return 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    private static bool WantsSample(Dictionary<GroupKey, Group> groups, string? ruleId, int ruleIndex, string? level) =>
        !groups.TryGetValue(new GroupKey(ruleId, ruleIndex, level), out var g) || g.Samples.Count < SamplesPerGroup;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    private string? ParseMessage(ref Utf8JsonReader r, bool keep)
    {
        json.Read(ref r);
        if (r.TokenType != JsonTokenType.StartObject) throw Error(ref r, "'message' must be an object");
        string? text = null, id = null;
        var hasTextOrId = false;
        while (NextProperty(ref r))
        {
            var isText = r.ValueTextEquals("text"u8);
            if (isText || r.ValueTextEquals("id"u8))
            {
                json.Read(ref r);
                if (r.TokenType != JsonTokenType.String) throw Error(ref r, $"'{(isText ? "text" : "id")}' must be a string");
                hasTextOrId = true;
                if (keep && isText) text = Text(ref r);
                else if (keep) id = Text(ref r);
            }
            else json.Skip(ref r);
        }
        if (!hasTextOrId) throw Error(ref r, "message: needs 'text' or 'id'");
        return text ?? id;
    }

    private (string? File, long? Line) ParseLocations(ref Utf8JsonReader r)
    {
        ExpectArray(ref r, "locations");
        string? file = null;
        long? line = null;
        var first = true;
        while (NextElement(ref r))
        {
            if (!first || r.TokenType != JsonTokenType.StartObject) { json.Skip(ref r); continue; }
            first = false;
            while (NextProperty(ref r))
            {
                if (!r.ValueTextEquals("physicalLocation"u8)) { json.Skip(ref r); continue; }
                json.Read(ref r);
                if (r.TokenType != JsonTokenType.StartObject) throw Error(ref r, "'physicalLocation' must be an object");
                while (NextProperty(ref r))
                {
                    if (r.ValueTextEquals("artifactLocation"u8))
                    {
                        json.Read(ref r);
                        if (r.TokenType != JsonTokenType.StartObject) throw Error(ref r, "'artifactLocation' must be an object");
                        while (NextProperty(ref r))
                        {
                            if (r.ValueTextEquals("uri"u8)) file = ReadString(ref r, "uri");
                            else json.Skip(ref r);
                        }
                    }
                    else if (r.ValueTextEquals("region"u8))
                    {
                        json.Read(ref r);
                        if (r.TokenType != JsonTokenType.StartObject) throw Error(ref r, "'region' must be an object");
                        while (NextProperty(ref r))
                        {
                            if (r.ValueTextEquals("startLine"u8)) line = ReadInt(ref r, "startLine");
                            else json.Skip(ref r);
                        }
                    }
                    else json.Skip(ref r);
                }
            }
        }
        return (file, line);
    }

    /// <summary>Advances inside an object: true with the reader on a property name, false at the object's end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool NextProperty(ref Utf8JsonReader r)
    {
        json.Read(ref r);
        return r.TokenType switch
        {
            JsonTokenType.PropertyName => true,
            JsonTokenType.EndObject => false,
            _ => throw Error(ref r, $"unexpected {r.TokenType} inside an object"),
        };
    }

    /// <summary>Advances inside an array: true with the reader on the next element's first token.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool NextElement(ref Utf8JsonReader r)
    {
        json.Read(ref r);
        return r.TokenType != JsonTokenType.EndArray;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    private void ExpectArray(ref Utf8JsonReader r, string property)
    {
        json.Read(ref r);
        if (r.TokenType != JsonTokenType.StartArray) throw Error(ref r, $"'{property}' must be an array");
    }

    private string ReadString(ref Utf8JsonReader r, string property)
    {
        json.Read(ref r);
        if (r.TokenType != JsonTokenType.String) throw Error(ref r, $"'{property}' must be a string");
        return Text(ref r);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    private int ReadInt(ref Utf8JsonReader r, string property)
    {
        json.Read(ref r);
        if (r.TokenType != JsonTokenType.Number || !r.TryGetInt32(out var value) || value < -1)
            throw Error(ref r, $"'{property}' must be an integer");
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]

    private string ReadLevel(ref Utf8JsonReader r)
    {
        json.Read(ref r);
        if (r.TokenType != JsonTokenType.String) throw Error(ref r, "'level' must be a string");
        if (r.ValueTextEquals("warning"u8)) return "warning";
        if (r.ValueTextEquals("error"u8)) return "error";
        if (r.ValueTextEquals("note"u8)) return "note";
        if (r.ValueTextEquals("none"u8)) return "none";
        throw Error(ref r, "level is not one of none, note, warning, error");
    }

    private bool ReadStringIs(ref Utf8JsonReader r, string property, ReadOnlySpan<byte> value)
    {
        json.Read(ref r);
        if (r.TokenType != JsonTokenType.String) throw Error(ref r, $"'{property}' must be a string");
        return r.ValueTextEquals(value);
    }

    /// <summary>Rule ids repeat on every result: one string per distinct id instead of one per result.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string ReadInterned(ref Utf8JsonReader r, string property)
    {
        json.Read(ref r);
        if (r.TokenType != JsonTokenType.String) throw Error(ref r, $"'{property}' must be a string");
        Span<char> chars = stackalloc char[128];
        if (r.HasValueSequence || r.ValueSpan.Length > chars.Length || _interned.Count > 100_000) return Text(ref r);
        int n;
        try { n = r.CopyString(chars); }
        catch (InvalidOperationException) { throw Error(ref r, InvalidUtf8); }
        var lookup = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars[..n], out var known)) return known;
        var text = new string(chars[..n]);
        _interned[text] = text;
        return text;
    }

    private double? ReadScore(ref Utf8JsonReader r)
    {
        json.Read(ref r);
        if (r.TokenType == JsonTokenType.Number) return r.GetDouble();
        if (r.TokenType == JsonTokenType.String &&
            double.TryParse(Text(ref r), NumberStyles.Float, CultureInfo.InvariantCulture, out var score)) return score;
        throw Error(ref r, "'security-severity' must be a number");
    }

    private const string InvalidUtf8 = "a string is not valid UTF-8";

    /// <summary>The current string's text; Utf8JsonReader checks a string's UTF-8 only when it is read as text.</summary>
    private string Text(ref Utf8JsonReader r)
    {
        try { return r.GetString()!; }
        catch (InvalidOperationException) { throw Error(ref r, InvalidUtf8); }
    }

    private GateInputException Error(ref Utf8JsonReader r, string problem) => new(json.Name, json.Line(ref r), problem);
}
