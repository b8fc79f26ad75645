using System.Globalization;
using System.Text.RegularExpressions;

namespace Jiedan.Domain.Gate.GoModules;

/// <summary>
/// A version to check against a constraint: major.minor.patch with an optional prerelease, ordered as semver 2.0
/// orders them. Go's own spellings are accepted: <c>1.21</c> (= 1.21.0), <c>1.21rc2</c> (= 1.21.0-rc2),
/// <c>go1.22.3</c> and <c>v1.2.3</c>.
/// </summary>
public sealed partial record SemanticVersion(long Major, long Minor, long Patch, string Prerelease) : IComparable<SemanticVersion>
{
    [GeneratedRegex(@"^(?:go|v)?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?" +
        @"(?:-?((?:rc|beta|alpha)[0-9.]*|[0-9A-Za-z.-]+?))?(?:\+[0-9A-Za-z.-]+)?(?:-.+)?$")]
    private static partial Regex Syntax();

    public static bool TryParse(string text, out SemanticVersion version)
    {
        version = null!;
        var m = Syntax().Match(text.Trim());
        if (!m.Success) return false;
        version = new SemanticVersion(
            Number(m.Groups[1].Value), m.Groups[2].Success ? Number(m.Groups[2].Value) : 0,
            m.Groups[3].Success ? Number(m.Groups[3].Value) : 0, m.Groups[4].Success ? m.Groups[4].Value : "");
        return true;
    }

    public static SemanticVersion Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException("not a version (expected e.g. 1.22 or v1.22.3)");

    private static long Number(string digits) => long.Parse(digits, CultureInfo.InvariantCulture);

    public bool IsPrerelease => Prerelease.Length > 0;

    public static bool operator <(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) < 0;
    public static bool operator <=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) <= 0;
    public static bool operator >(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) > 0;
    public static bool operator >=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) >= 0;

    public int CompareTo(SemanticVersion? other)
    {
        if (other is null) return 1;
        var c = Major.CompareTo(other.Major);
        if (c == 0) c = Minor.CompareTo(other.Minor);
        if (c == 0) c = Patch.CompareTo(other.Patch);
        return c != 0 ? c : ComparePrerelease(Prerelease, other.Prerelease);
    }

    /// <summary>Semver 2.0 §11: a release sorts after its prereleases; identifiers compare numerically when numeric.</summary>
    public static int ComparePrerelease(string a, string b)
    {
        if (a == b) return 0;
        if (a.Length == 0) return 1;
        if (b.Length == 0) return -1;
        var x = a.Split('.');
        var y = b.Split('.');
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var xNum = long.TryParse(x[i], NumberStyles.None, CultureInfo.InvariantCulture, out var xn);
            var yNum = long.TryParse(y[i], NumberStyles.None, CultureInfo.InvariantCulture, out var yn);
            var c = (xNum, yNum) switch
            {
                (true, true) => xn.CompareTo(yn),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(x[i], y[i]),
            };
            if (c != 0) return Math.Sign(c);
        }
        return x.Length.CompareTo(y.Length);
    }

    public override string ToString() => $"{Major}.{Minor}.{Patch}{(IsPrerelease ? "-" + Prerelease : "")}";
}
