using System.Globalization;
using System.Text;

namespace Jiedan.Domain.Contract;

/// <summary>
/// A first requirement.yml for a deal, from the items its client confirmed in chat: one entity per item (Item1, Item2, …)
/// with the item's text as its description, a name field and the five operations; the freelancer renames and refines it.
/// The draft always reads back without error.
/// </summary>
public static class RequirementDraft
{
    public static string FromItems(long dealId, IReadOnlyList<string> items)
    {
        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"service: deal{dealId}\n");
        yaml.Append("version: 0.1.0\n");
        yaml.Append("entities:\n");
        var texts = items.Count == 0 ? [""] : items;
        for (var i = 0; i < texts.Count; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  Item{i + 1}:\n");
            if (Description(texts[i]) is { Length: > 0 } description) yaml.Append("    description: ").Append(description).Append('\n');
            yaml.Append("    fields:\n");
            yaml.Append("      name: { type: string, required: true, min_length: 1, max_length: 200 }\n");
            yaml.Append("    operations: [create, get, list, update, delete]\n");
        }
        return yaml.ToString();
    }

    /// <summary>The text as a YAML double-quoted scalar, cut to the description limit, without control characters but newline.</summary>
    private static string Description(string text)
    {
        var clean = new string([.. text.Trim().Where(c => !char.IsControl(c) || c == '\n')]);
        if (clean.Length > YamlFields.MaxDescription)
        {
            clean = clean[..YamlFields.MaxDescription];
            if (char.IsHighSurrogate(clean[^1])) clean = clean[..^1];
        }
        if (clean.Length == 0) return "";
        var quoted = new StringBuilder("\"");
        foreach (var c in clean)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }
}
