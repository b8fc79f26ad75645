using Jiedan.Files;

namespace Jiedan.Loc.Walking;

/// <summary>
/// The .gitignore and .ignore files in force for one directory: its own, its ancestors' within the scan, and
/// those above the scanned root up to the enclosing git repository's top. Each file's patterns are matched
/// against the path relative to the directory that holds it, as git does. A path is ignored when any level
/// ignores it (a deeper `!pattern` cannot re-include what a shallower file ignores).
/// </summary>
internal sealed class IgnoreRules
{
    public static readonly string[] FileNames = [".gitignore", ".ignore"];

    /// <summary>Ignore files larger than this are reported and not honoured.</summary>
    public const long MaxFileBytes = 1 << 20;

    private readonly IgnoreRules? _parent;
    private readonly IgnorePatterns? _list;
    private readonly string _stripPrefix;
    private readonly string _addPrefix;

    public static IgnoreRules Empty { get; } = new(null, null, "", "");

    private IgnoreRules(IgnoreRules? parent, IgnorePatterns? list, string stripPrefix, string addPrefix)
    {
        _parent = parent;
        _list = list;
        _stripPrefix = stripPrefix;
        _addPrefix = addPrefix;
    }

    /// <summary>The rules in force at the scanned root: those of the directories above it, up to the git top, then its own.</summary>
    public static IgnoreRules ForRoot(string root, ICollection<string> problems)
    {
        var ancestors = new List<DirectoryInfo>();
        if (!Path.Exists(Path.Combine(root, ".git")))
        {
            for (var dir = Directory.GetParent(root); dir is not null; dir = dir.Parent)
            {
                ancestors.Add(dir);
                if (Path.Exists(Path.Combine(dir.FullName, ".git"))) break;
                if (dir.Parent is null) ancestors.Clear(); // not inside a git repository: parents' ignore files do not apply
            }
        }
        var rules = Empty;
        for (var i = ancestors.Count - 1; i >= 0; i--)
        {
            var prefix = Path.GetRelativePath(ancestors[i].FullName, root).Replace('\\', '/') + "/";
            var list = Load(ancestors[i].FullName, problems);
            if (list is not null) rules = new IgnoreRules(rules, list, "", prefix);
        }
        return rules.For(root, "", problems);
    }

    /// <summary>The rules for a child directory: these plus its own ignore files, if it has any.</summary>
    public IgnoreRules For(string directoryFullPath, string directoryRelative, ICollection<string> problems)
    {
        var list = Load(directoryFullPath, problems);
        return list is null ? this : new IgnoreRules(this, list, directoryRelative.Length == 0 ? "" : directoryRelative + "/", "");
    }

    /// <summary>Only regular files (links followed) of at most 1 MiB are read: a FIFO or a link to /dev/zero is reported, not
    /// read.</summary>
    private static IgnorePatterns? Load(string directory, ICollection<string> problems)
    {
        var text = "";
        foreach (var name in FileNames)
        {
            var file = Path.Combine(directory, name);
            try
            {
                if (RegularFile.KindOf(file) == FileKind.Missing) continue;
                text += RegularFile.ReadAllText(file, MaxFileBytes) + "\n";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{file}: ignore file not read ({(e is FileRefusedException r ? r.Problem : e.Message)})");
            }
        }
        if (text.Length == 0) return null;
        var patterns = IgnorePatterns.Parse(text);
        return patterns.Count == 0 ? null : patterns;
    }

    /// <param name="relativePath">'/'-separated path from the scanned root.</param>
    public bool IsIgnored(string relativePath, bool isDirectory)
    {
        for (var rules = this; rules is not null; rules = rules._parent)
        {
            if (rules._list is null) continue;
            var local = rules._addPrefix + relativePath[rules._stripPrefix.Length..];
            if (rules._list.IsIgnored(local, isDirectory)) return true;
        }
        return false;
    }
}
