using System.Globalization;

namespace Jiedan.Domain.Contract;

/// <summary>Typed access to a <see cref="YamlTree"/> whose every refusal is a positioned <see cref="RequirementException"/>.</summary>
internal sealed class YamlFields(string file)
{
    public const int MaxDescription = 2000;

    public RequirementException Error(YamlTree node, string problem, Exception? inner = null) =>
        new(file, node.Line, node.Column, problem, inner);

    /// <summary>The entries of a mapping, in order; a repeated key is refused at its own position.</summary>
    public IReadOnlyList<KeyValuePair<YamlTreeScalar, YamlTree>> Entries(YamlTree node, string what)
    {
        if (node is not YamlTreeMap map) throw Error(node, $"{what} must be a mapping (key: value)");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, _) in map.Entries)
        {
            if (!seen.Add(key.Value)) throw Error(key, $"a key appears twice in {what}");
        }
        return map.Entries;
    }

    /// <summary>A mapping whose keys must all be in <paramref name="allowed"/>.</summary>
    public Dictionary<string, YamlTree> Map(YamlTree node, string what, IReadOnlyCollection<string> allowed)
    {
        var result = new Dictionary<string, YamlTree>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(node, what))
        {
            if (!allowed.Contains(key.Value))
                throw Error(key, $"unknown key in {what} (allowed: {string.Join(", ", allowed)})");
            result[key.Value] = value;
        }
        return result;
    }

    public YamlTree Require(Dictionary<string, YamlTree> map, YamlTree owner, string key) =>
        map.TryGetValue(key, out var node) ? node : throw Error(owner, $"'{key}' is missing");

    public YamlTreeScalar Scalar(YamlTree node, string what) =>
        node as YamlTreeScalar ?? throw Error(node, $"{what} must be a single value, not a list or mapping");

    public string Text(YamlTree node, string what)
    {
        var scalar = Scalar(node, what);
        if (scalar.IsNull) throw Error(node, $"{what} is empty");
        return scalar.Value;
    }

    public string? Description(Dictionary<string, YamlTree> map, string what)
    {
        if (!map.TryGetValue("description", out var node)) return null;
        var text = Text(node, $"{what} description");
        if (text.Length > MaxDescription) throw Error(node, $"{what} description is longer than {MaxDescription} characters");
        if (text.Any(c => char.IsControl(c) && c != '\n'))
            throw Error(node, $"{what} description contains a control character");
        return text.TrimEnd('\n');
    }

    public bool Boolean(YamlTree node, string what)
    {
        var scalar = Scalar(node, what);
        return scalar.Plain && scalar.Value is "true" or "false"
            ? scalar.Value == "true"
            : throw Error(node, $"{what} must be true or false");
    }

    public long Integer(YamlTree node, string what, long min, long max)
    {
        var scalar = Scalar(node, what);
        if (!scalar.Plain || !long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw Error(node, $"{what} must be a whole number");
        if (value < min || value > max)
            throw Error(node, $"{what} must be between {Text(min)} and {Text(max)}");
        return value;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    public decimal Number(YamlTree node, string what)
    {
        var scalar = Scalar(node, what);
        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (!scalar.Plain || scalar.Value.Length > 40
            || !decimal.TryParse(scalar.Value, style, CultureInfo.InvariantCulture, out var value))
            throw Error(node, $"{what} must be a number");
        return value;
    }

    public IReadOnlyList<YamlTreeScalar> Names(YamlTree node, string what)
    {
        if (node is not YamlTreeList list) throw Error(node, $"{what} must be a list ([a, b])");
        return list.Items.Select(i => Scalar(i, $"an item of {what}")).ToList();
    }
}
