using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jiedan.Domain.Contract;

/// <summary>The identifier shapes buf's STANDARD lint expects, and the names derived from them.</summary>
public static partial class Naming
{
    public const int MaxLength = 64;

    public static bool IsLowerSnake(string name) => name.Length <= MaxLength && LowerSnake().IsMatch(name);

    public static bool IsPascal(string name) => name.Length <= MaxLength && Pascal().IsMatch(name);

    /// <summary><c>display_name</c> → <c>DisplayName</c>.</summary>
    public static string ToPascal(string lowerSnake) =>
        string.Concat(lowerSnake.Split('_').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));

    /// <summary><c>OrderLine</c> → <c>ORDER_LINE</c>; <c>active</c> → <c>ACTIVE</c>.</summary>
    public static string ToUpperSnake(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1])) text.Append('_');
            text.Append(char.ToUpperInvariant(name[i]));
        }
        return text.ToString();
    }

    /// <summary><c>OrderLine</c> → <c>order_line</c>.</summary>
    public static string ToLowerSnake(string pascal) => ToUpperSnake(pascal).ToLowerInvariant();

    /// <summary>English plural for collection names (<c>Users</c>, <c>Categories</c>, <c>Addresses</c>).</summary>
    public static string Plural(string name)
    {
        if (name.EndsWith('y') && name.Length > 1 && !"aeiou".Contains(name[^2], StringComparison.Ordinal))
            return name[..^1] + "ies";
        string[] sibilant = ["s", "x", "z", "ch", "sh"];
        return sibilant.Any(s => name.EndsWith(s, StringComparison.Ordinal)) ? name + "es" : name + "s";
    }

    /// <summary>The lower_snake plural used in URL paths: <c>OrderLine</c> → <c>order_lines</c>.</summary>
    public static string CollectionPath(string entity) => ToLowerSnake(Plural(entity));

    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z][a-z0-9]*)*$")]
    private static partial Regex LowerSnake();

    [GeneratedRegex("^[A-Z][a-z0-9]+([A-Z][a-z0-9]+)*$")]
    private static partial Regex Pascal();
}
