using System.Globalization;
using System.Text;

namespace Jiedan.Domain.Scaffold;

/// <summary>Go spellings: string literals, identifiers and gofmt's column alignment of struct fields.</summary>
public static class GoText
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go", "goto",
        "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type", "var",
    };

    /// <summary>An interpreted Go string literal holding exactly <paramref name="value"/>.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var rune in value.EnumerateRunes())
        {
            text.Append(rune.Value switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < 0x20 or 0x7f => string.Create(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}"),
                _ => rune.ToString(),
            });
        }
        return text.Append('"').ToString();
    }

    /// <summary>A raw Go string literal when the text allows one (no backquote, no carriage return), else a quoted one.</summary>
    public static string Raw(string value) =>
        value.Contains('`', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal) ? Quote(value) : $"`{value}`";

    /// <summary><c>display_name</c> → <c>DisplayName</c>; <c>id</c> → <c>ID</c> as Go spells initialisms.</summary>
    public static string Exported(string lowerSnake) =>
        string.Concat(lowerSnake.Split('_').Select(p => p switch
        {
            "id" => "ID",
            "url" => "URL",
            "uri" => "URI",
            "api" => "API",
            "" => "",
            _ => char.ToUpperInvariant(p[0]) + p[1..],
        }));

    /// <summary>The Go package of an entity: <c>OrderLine</c> → <c>orderline</c>; names the project already uses get a suffix.</summary>
    public static string Package(string entity)
    {
        var name = entity.ToLowerInvariant();
        string[] taken = ["app", "model", "store", "httpx", "validate", "logging", "database", "api", "cmd", "main"];
        return Keywords.Contains(name) || taken.Contains(name, StringComparer.Ordinal) ? name + "api" : name;
    }

    /// <summary>A lower-camel local name: <c>OrderLine</c> → <c>orderLine</c>.</summary>
    public static string Local(string entity) => char.ToLowerInvariant(entity[0]) + entity[1..];

    /// <summary>
    /// Lines of cells aligned as gofmt aligns a block of struct fields: every column but the last padded with spaces to
    /// its widest cell plus one. Widths count runes, as text/tabwriter does.
    /// </summary>
    public static IEnumerable<string> Align(IReadOnlyList<string[]> rows, string indent)
    {
        var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Length);
        var widths = new int[columns];
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length - 1; c++) widths[c] = Math.Max(widths[c], Width(row[c]));
        }
        foreach (var row in rows)
        {
            var line = new StringBuilder(indent);
            for (var c = 0; c < row.Length; c++)
            {
                line.Append(row[c]);
                if (c < row.Length - 1) line.Append(' ', widths[c] - Width(row[c]) + 1);
            }
            yield return line.ToString();
        }
    }

    private static int Width(string cell) => cell.EnumerateRunes().Count();

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
