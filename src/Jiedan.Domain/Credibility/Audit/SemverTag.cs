using System.Globalization;
using System.Text.RegularExpressions;

namespace Jiedan.Domain.Credibility.Audit;

/// <summary>A Go release tag <c>vMAJOR.MINOR.PATCH[-pre][+build]</c> (semver 2.0 with the leading v Go requires).</summary>
public sealed partial record SemverTag(string Name, long Major, long Minor, long Patch, string? Prerelease) : IComparable<SemverTag>
{
    [GeneratedRegex(@"^v(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex Pattern();

    public static SemverTag? Parse(string tag)
    {
        var m = Pattern().Match(tag);
        if (!m.Success) return null;
        static long N(Group g) => long.Parse(g.Value, CultureInfo.InvariantCulture);
        return new SemverTag(tag, N(m.Groups[1]), N(m.Groups[2]), N(m.Groups[3]), m.Groups[4].Success ? m.Groups[4].Value : null);
    }

    /// <summary>The semver tags among <paramref name="tags"/>, highest precedence first.</summary>
    public static IReadOnlyList<SemverTag> Of(IEnumerable<string> tags) =>
        tags.Select(Parse).OfType<SemverTag>().OrderDescending().ToList();

    public static bool operator <(SemverTag? a, SemverTag? b) => Compare(a, b) < 0;
    public static bool operator >(SemverTag? a, SemverTag? b) => Compare(a, b) > 0;
    public static bool operator <=(SemverTag? a, SemverTag? b) => Compare(a, b) <= 0;
    public static bool operator >=(SemverTag? a, SemverTag? b) => Compare(a, b) >= 0;

    private static int Compare(SemverTag? a, SemverTag? b) => a is null ? (b is null ? 0 : -1) : a.CompareTo(b);

    /// <summary>Semver precedence; prerelease identifiers compared field by field (numeric ones as numbers).</summary>
    public int CompareTo(SemverTag? other)
    {
        if (other is null) return 1;
        var c = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (c != 0) return c;
        if (Prerelease is null || other.Prerelease is null) return Prerelease is null ? (other.Prerelease is null ? 0 : 1) : -1;
        var a = Prerelease.Split('.');
        var b = other.Prerelease.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var an = long.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out var x);
            var bn = long.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out var y);
            c = an && bn ? x.CompareTo(y) : an ? -1 : bn ? 1 : string.CompareOrdinal(a[i], b[i]);
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }
}
