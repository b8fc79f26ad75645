using System.Globalization;
using System.Text.RegularExpressions;
using Jiedan.Domain.Contract;

namespace Jiedan.Domain.Scaffold;

/// <summary>One generated test: a field set to a value (a Go expression of type any) that must be accepted or refused.</summary>
public sealed record RuleCase(string Name, string Field, string Value, bool Bad, string Path);

/// <summary>
/// Values for the generated tests, as Go expressions of type <c>any</c> (JSON numbers as <c>json.Number</c>, so int64 bounds
/// and beyond stay exact). Every verdict is computed here with the contract's own checker, so a case can only claim what
/// the contract says. Strings are CJK where the rules allow, so lengths are proved in code points.
/// </summary>
public static class TestValues
{
    public const string MissingId = "00000000-0000-4000-8000-000000000000";
    private const string Cjk = "中文测试样例数据";

    /// <summary>A valid value of the field, or null when none is known (a pattern with no example that cannot be inverted).</summary>
    public static string? Valid(GoField field, Func<string, string> refId)
    {
        var item = ValidScalar(field.Scalar.Kind, field.ScalarRules, field.Example, field.RefEntity, refId);
        if (item is null) return null;
        return field.IsList ? $"[]any{{{item}}}" : item;
    }

    private static string? ValidScalar(FieldKind kind, FieldConstraints c, string? example, string? refEntity,
        Func<string, string> refId) =>
        kind switch
        {
            FieldKind.Text => ValidText(c, example) is { } text ? GoText.Quote(text) : null,
            FieldKind.Integer32 or FieldKind.Integer64 => Number(Clamp(1, c)),
            FieldKind.Number => Number(Clamp(1.5m, c)),
            FieldKind.Boolean => "true",
            FieldKind.DateTime => GoText.Quote(Examples.Instant),
            FieldKind.Enum => GoText.Quote(c.Values[0]),
            FieldKind.Reference => $"map[string]any{{\"id\": {refId(refEntity!)}}}",
            _ => null,
        };

    public static string? ValidText(FieldConstraints c, string? example)
    {
        if (example is not null && ConstraintCheck.Satisfies(example, c)) return example;
        var candidate = c.Format switch
        {
            StringFormat.Email => "user@example.com",
            StringFormat.Uuid => Examples.Uuid,
            StringFormat.Uri => "https://example.com/",
            _ => c.Pattern is null ? Text((int)Math.Clamp(4, c.MinLength ?? 0, c.MaxLength ?? 4)) : null,
        };
        if (candidate is not null && ConstraintCheck.Satisfies(candidate, c)) return candidate;
        return c.Pattern is null ? null : FromPattern(c);
    }

    /// <summary>A string matching the pattern, made by Fare's automaton from the pattern without its anchors.</summary>
    private static string? FromPattern(FieldConstraints c)
    {
        var body = c.Pattern!.TrimStart('^').TrimEnd('$');
        for (var seed = 1; seed <= 50; seed++)
        {
            try
            {
                var text = new Fare.Xeger(body, new Random(seed)).Generate();
                if (ConstraintCheck.Satisfies(text, c)) return text;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or NotSupportedException)
            {
                return null;
            }
        }
        return null;
    }

    private static decimal Clamp(decimal preferred, FieldConstraints c) =>
        Math.Min(Math.Max(preferred, c.Minimum ?? decimal.MinValue), c.Maximum ?? decimal.MaxValue);

    public static string Number(decimal value) => $"json.Number({GoText.Quote(value.ToString(CultureInfo.InvariantCulture))})";

    public static string Text(int length) => string.Concat(Enumerable.Repeat(Cjk, length / Cjk.Length + 1))[..length];

    /// <summary>Every case the rules of one field give: each bound at and past its edge, absence, wrong types, bad items.</summary>
    public static IEnumerable<RuleCase> Cases(GoField field, Func<string, string> refId)
    {
        var name = field.Name;
        if (field.Constraints.Required) yield return new($"{name} absent", name, "testkit.Absent", true, name);
        if (!field.IsList)
        {
            yield return new($"{name} of the wrong type", name, WrongType(field.Scalar.Kind), true, name);
            foreach (var (label, value, bad, path) in ScalarCases(field, refId))
                yield return new($"{name} {label}", name, value, bad, name + (path ?? ""));
            yield break;
        }
        yield return new($"{name} not a list", name, "\"not a list\"", true, name);
        if (field.Constraints.Required) yield return new($"{name} empty", name, "[]any{}", true, name);
        var valid = ValidScalar(field.Scalar.Kind, field.ScalarRules, null, field.RefEntity, refId);
        if (field.Constraints.Unique && valid is not null)
            yield return new($"{name} with a repeated item", name, $"[]any{{{valid}, {valid}}}", true, name + "[1]");
        // An item JSON cannot decode into the element type fails the whole list ("stops"); a rule names the item ("stops[0]").
        foreach (var (label, value, bad, path) in ScalarCases(field, refId))
            yield return new($"{name} item {label}", name, $"[]any{{{value}}}", bad, path is null ? name : name + "[0]" + path);
    }

    private static string WrongType(FieldKind kind) => kind switch
    {
        FieldKind.Integer32 or FieldKind.Integer64 or FieldKind.Number or FieldKind.Boolean => "\"text\"",
        _ => "json.Number(\"12\")",
    };

    /// <summary>Path null: the value does not decode into the Go type at all.</summary>
    private static IEnumerable<(string Label, string Value, bool Bad, string? Path)> ScalarCases(GoField field, Func<string, string> refId)
    {
        var c = field.ScalarRules;
        switch (field.Scalar.Kind)
        {
            case FieldKind.Text:
                foreach (var t in TextCases(c)) yield return t;
                break;
            case FieldKind.Integer32 or FieldKind.Integer64 or FieldKind.Number:
                if (c.Minimum is { } min)
                {
                    yield return ($"= minimum {min}", Number(min), false, "");
                    yield return ($"below minimum {min}", Number(min - 1), true, Fits(field.Scalar.Kind, min - 1) ? "" : null);
                }
                if (c.Maximum is { } max)
                {
                    yield return ($"= maximum {max}", Number(max), false, "");
                    yield return ($"above maximum {max}", Number(max + 1), true, Fits(field.Scalar.Kind, max + 1) ? "" : null);
                }
                if (field.Scalar.Kind == FieldKind.Integer32)
                    yield return ("beyond int32", Number(2147483648m), true, null);
                break;
            case FieldKind.Enum:
                foreach (var value in c.Values) yield return ($"= {value}", GoText.Quote(value), false, "");
                yield return ("not one of the values", GoText.Quote("not_a_value"), true, "");
                break;
            case FieldKind.DateTime:
                yield return ("not RFC 3339", GoText.Quote("01/02/2025"), true, null);
                break;
            case FieldKind.Reference:
                yield return ("with an id that is not a UUID", "map[string]any{\"id\": \"x\"}", true, ".id");
                yield return ("as a string", GoText.Quote(MissingId), true, null);
                yield return ("to an existing record", $"map[string]any{{\"id\": {refId(field.RefEntity!)}}}", false, "");
                break;
        }
    }

    private static bool Fits(FieldKind kind, decimal value) => kind switch
    {
        FieldKind.Integer32 => value is >= int.MinValue and <= int.MaxValue,
        FieldKind.Integer64 => value is >= long.MinValue and <= long.MaxValue,
        _ => true,
    };

    private static IEnumerable<(string, string, bool, string?)> TextCases(FieldConstraints c)
    {
        var loose = c with { MinLength = null, MaxLength = null };
        var lengths = new List<(string Label, int Length)>();
        if (c.MinLength is { } min)
        {
            if (min > 0) lengths.Add(($"length {min - 1} (min {min})", (int)min - 1));
            lengths.Add(($"length {min} (min {min})", (int)min));
        }
        if (c.MaxLength is { } max)
        {
            lengths.Add(($"length {max} (max {max})", (int)max));
            lengths.Add(($"length {max + 1} (max {max})", (int)max + 1));
        }
        foreach (var (label, length) in lengths)
        {
            // Lengths are counted in code points: CJK text when nothing else constrains the content.
            var text = c.Pattern is null && c.Format is null ? Text(length) : Stretch(ValidText(loose, null), length);
            if (text is null || !ConstraintCheck.Satisfies(text, loose)) continue;
            yield return (label, GoText.Quote(text), !ConstraintCheck.Satisfies(text, c), "");
        }
        if (c.Pattern is not null)
        {
            if (ValidText(c, null) is { } good) yield return ("matching the pattern", GoText.Quote(good), false, "");
            var regex = new Regex(c.Pattern, RegexOptions.NonBacktracking, TimeSpan.FromSeconds(1));
            var shortest = (int)(c.MinLength ?? 0);
            var bad = new[] { "!", "", "!!!!!!!!", Text(Math.Max(1, shortest)), "~" + new string('!', shortest) }
                .FirstOrDefault(s => !regex.IsMatch(s) && ConstraintCheck.Satisfies(s, c with { Pattern = null, Format = null }));
            if (bad is not null) yield return ("not matching the pattern", GoText.Quote(bad), true, "");
        }
        if (c.Format is { } format)
        {
            var bad = format switch { StringFormat.Email => "not-an-email", StringFormat.Uuid => "not-a-uuid", _ => "/relative" };
            if (ConstraintCheck.Satisfies(bad, c with { Format = null, Pattern = null }))
                yield return ($"not a valid {format.ToString().ToLowerInvariant()}", GoText.Quote(bad), true, "");
        }
    }

    /// <summary>The valid text cut or padded (with its own last character) to a length, keeping its shape where it can.</summary>
    private static string? Stretch(string? valid, int length)
    {
        if (valid is null || valid.Length == 0) return null;
        var runes = valid.EnumerateRunes().Select(r => r.ToString()).ToList();
        while (runes.Count < length) runes.Add(runes[^1]);
        return string.Concat(runes.Take(length));
    }
}
