using System.Globalization;
using System.Text;

namespace Jiedan.Domain.Tests.Parsing;

/// <summary>YAML documents that attack a parser: expansion, depth, size.</summary>
internal static class HostileYaml
{
    /// <summary>The 606-byte billion laughs of issue 8: nine levels of ten aliases each, 10^9 leaves once expanded.</summary>
    public static string BillionLaughs(string rootKey)
    {
        var yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            yaml.Append(CultureInfo.InvariantCulture, $"{level}: &{level} [{string.Join(",", Enumerable.Repeat($"*{previous}", 9))}]\n");
        }
        return yaml.Append(CultureInfo.InvariantCulture, $"{rootKey}: *i\n").ToString();
    }

    /// <summary>Flow sequences nested <paramref name="depth"/> deep.</summary>
    public static string Nested(int depth) => new string('[', depth) + new string(']', depth) + "\n";

    /// <summary>A secret-looking line, as the first line of a file that is not YAML at all.</summary>
    public const string SecretLine = "root:$6$Sup3rS3cretHash$xyz:19000:0:99999:7:::";
}
