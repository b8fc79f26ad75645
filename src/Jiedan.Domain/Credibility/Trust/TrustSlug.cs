using System.Text.RegularExpressions;

namespace Jiedan.Domain.Credibility.Trust;

/// <summary>The public address of a trust page, <c>/trust/{slug}</c>: lower-case letters, digits and inner hyphens.</summary>
public static partial class TrustSlug
{
    public const int MaxLength = 63;

    public static bool IsValid(string? slug) => slug is { Length: >= 2 and <= MaxLength } && Pattern().IsMatch(slug);

    public const string Rule = "2–63 characters: lower-case letters, digits and hyphens, starting and ending with a letter or digit";

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
