namespace Jiedan.Loc.Walking;

/// <summary>
/// The patterns of one ignore file, matched as git does: the last pattern that matches decides, and a file is ignored
/// when any directory above it is (a file cannot be re-included from an ignored directory). Paths are '/'-separated
/// and relative to the ignore file's directory. Matching is linear in the path length for any pattern; this is also
/// the entry point for fuzzing .gitignore matching.
/// </summary>
public sealed class IgnorePatterns
{
    private readonly IReadOnlyList<IgnorePattern> _patterns;

    private IgnorePatterns(IReadOnlyList<IgnorePattern> patterns) => _patterns = patterns;

    public int Count => _patterns.Count;

    /// <summary>The usable patterns of an ignore file's text; blank lines, comments and unusable lines are skipped.</summary>
    public static IgnorePatterns Parse(string text) =>
        new(text.Split('\n').Select(IgnorePattern.Parse).OfType<IgnorePattern>().ToList());

    public bool IsIgnored(string relativePath, bool isDirectory)
    {
        if (!isDirectory)
        {
            for (var slash = relativePath.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = relativePath.IndexOf('/', slash + 1))
                if (Decides(relativePath[..slash], true)) return true;
        }
        return Decides(relativePath, isDirectory);
    }

    private bool Decides(string path, bool isDirectory)
    {
        for (var i = _patterns.Count - 1; i >= 0; i--)
            if (_patterns[i].IsMatch(path, isDirectory)) return !_patterns[i].Negated;
        return false;
    }
}
