using System.Globalization;
using System.Text.RegularExpressions;

namespace Jiedan.Domain.Gate.GoModules;

/// <summary>
/// A version constraint in the syntax Go projects use (Masterminds semver v3): <c>||</c> separates alternatives; within
/// one, comparators joined by commas or spaces must all hold. Operators <c>= != &gt; &lt; &gt;= =&gt; &lt;= =&lt; ~ ~&gt; ^</c>,
/// hyphen ranges (<c>1.2 - 1.4.5</c>), wildcards <c>x X *</c> and partial versions (<c>1.2</c> means <c>1.2.x</c> after
/// <c>=</c>, <c>~</c>, <c>^</c>, <c>!=</c>). A prerelease only matches when its alternative names a prerelease.
/// </summary>
public sealed partial class VersionConstraint
{
    private const string Part = @"[0-9]+|[xX*]";
    private const string Version = $@"v?({Part})(?:\.({Part}))?(?:\.({Part}))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?";
    private const string Ops = @"!=|>=|=>|<=|=<|~>|>|<|=|~|\^";

    [GeneratedRegex($@"^\s*({Version})\s+-\s+({Version})\s*$")]
    private static partial Regex HyphenRange();

    [GeneratedRegex($@"\G\s*,?\s*({Ops})?\s*{Version}(?=\s|,|$)")]
    private static partial Regex Comparator();

    private readonly IReadOnlyList<IReadOnlyList<Comparison>> _alternatives;
    private readonly string _text;

    private VersionConstraint(string text, IReadOnlyList<IReadOnlyList<Comparison>> alternatives)
    {
        _text = text;
        _alternatives = alternatives;
    }

    public override string ToString() => _text;

    public static VersionConstraint Parse(string text) =>
        TryParse(text, out var c, out var error) ? c : throw new FormatException(error);

    public static bool TryParse(string text, out VersionConstraint constraint, out string error)
    {
        constraint = null!;
        error = "";
        var alternatives = new List<IReadOnlyList<Comparison>>();
        var offset = 0;
        foreach (var raw in text.Split("||"))
        {
            var group = new List<Comparison>();
            var hyphen = HyphenRange().Match(raw);
            if (hyphen.Success)
            {
                group.Add(Comparison.Create(">=", hyphen.Groups[2], hyphen.Groups[3], hyphen.Groups[4], hyphen.Groups[5]));
                group.Add(Comparison.Create("<=", hyphen.Groups[7], hyphen.Groups[8], hyphen.Groups[9], hyphen.Groups[10]));
            }
            else
            {
                var at = 0;
                while (at < raw.Length && raw[at..].Trim().Length > 0)
                {
                    var m = Comparator().Match(raw, at);
                    if (!m.Success)
                    {
                        error = $"improper constraint at character {offset + at + 1} (expected e.g. >= 1.21, < 2 or 1.2 - 1.4)";
                        return false;
                    }
                    group.Add(Comparison.Create(m.Groups[1].Value, m.Groups[2], m.Groups[3], m.Groups[4], m.Groups[5]));
                    at = m.Index + m.Length;
                }
                if (group.Count == 0)
                {
                    error = text.Trim().Length == 0
                        ? "empty constraint"
                        : $"improper constraint: empty alternative at character {offset + 1}";
                    return false;
                }
            }
            alternatives.Add(group);
            offset += raw.Length + 2;
        }
        constraint = new VersionConstraint(text.Trim(), alternatives);
        return true;
    }

    public bool IsSatisfiedBy(SemanticVersion v)
    {
        foreach (var group in _alternatives)
        {
            var includePrerelease = group.Any(c => c.Version.IsPrerelease);
            if (v.IsPrerelease && !includePrerelease) continue;
            if (group.All(c => c.Check(v))) return true;
        }
        return false;
    }

    /// <summary>One comparator. A partial or wildcard version is "dirty": the missing parts are ranges, not zeros.</summary>
    private sealed record Comparison(string Op, SemanticVersion Version, bool Dirty, bool MinorDirty, bool PatchDirty)
    {
        private bool AnyVersion => Dirty && !MinorDirty && !PatchDirty;

        public static Comparison Create(string op, Group major, Group minor, Group patch, Group pre)
        {
            static bool Wild(Group g) => !g.Success || g.Value is "x" or "X" or "*";
            static long N(Group g) => long.Parse(g.Value, CultureInfo.InvariantCulture);
            var prerelease = pre.Success ? pre.Value : "";
            if (Wild(major)) return new(op, new SemanticVersion(0, 0, 0, prerelease), true, false, false);
            if (Wild(minor)) return new(op, new SemanticVersion(N(major), 0, 0, prerelease), true, true, false);
            if (Wild(patch)) return new(op, new SemanticVersion(N(major), N(minor), 0, prerelease), true, false, true);
            return new(op, new SemanticVersion(N(major), N(minor), N(patch), prerelease), false, false, false);
        }

        public bool Check(SemanticVersion v) => AnyVersion ? Op is not ("!=" or ">" or "<") : Op switch
        {
            "" or "=" => Dirty ? Tilde(v) : v.CompareTo(Version) == 0,
            "!=" => NotEqual(v),
            ">" => GreaterThan(v),
            "<" => v.CompareTo(Version) < 0,
            ">=" or "=>" => v.CompareTo(Version) >= 0,
            "<=" or "=<" => LessOrEqual(v),
            "~" or "~>" => Tilde(v),
            "^" => Caret(v),
            _ => false,
        };

        private bool NotEqual(SemanticVersion v)
        {
            if (!Dirty) return v.CompareTo(Version) != 0;
            if (v.Major != Version.Major) return true;
            if (MinorDirty) return false;
            if (v.Minor != Version.Minor) return true;
            return false;
        }

        private bool GreaterThan(SemanticVersion v)
        {
            if (!Dirty) return v.CompareTo(Version) > 0;
            if (v.Major != Version.Major) return v.Major > Version.Major;
            if (MinorDirty) return false;
            if (PatchDirty) return v.Minor > Version.Minor;
            return v.CompareTo(Version) > 0;
        }

        private bool LessOrEqual(SemanticVersion v)
        {
            if (!Dirty) return v.CompareTo(Version) <= 0;
            if (v.Major != Version.Major) return v.Major < Version.Major;
            return MinorDirty || v.Minor <= Version.Minor;
        }

        // ~1.2.3 → >=1.2.3 <1.3.0; ~1.2 → >=1.2.0 <1.3.0; ~1 → >=1.0.0 <2.0.0; ~0.0.0 and ~* → anything.
        private bool Tilde(SemanticVersion v)
        {
            if (v.CompareTo(Version) < 0) return false;
            if (Version is { Major: 0, Minor: 0, Patch: 0 } && !MinorDirty && !PatchDirty) return true;
            if (v.Major != Version.Major) return false;
            return MinorDirty || v.Minor == Version.Minor;
        }

        // ^1.2.3 → >=1.2.3 <2.0.0; ^0.2.3 → >=0.2.3 <0.3.0; ^0.0.3 → >=0.0.3 <0.0.4; ^0.0 → <0.1.0; ^0 → <1.0.0.
        private bool Caret(SemanticVersion v)
        {
            if (v.CompareTo(Version) < 0) return false;
            if (Version.Major > 0 || MinorDirty) return v.Major == Version.Major;
            if (v.Major > 0) return false;
            if (Version.Minor > 0 || PatchDirty) return v.Minor == Version.Minor;
            if (v.Minor > 0) return false;
            return v.Patch == Version.Patch;
        }
    }
}
