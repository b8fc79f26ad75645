using Jiedan.Files;

namespace Jiedan.Loc.Walking;

/// <summary>
/// Walks a tree depth-first, honouring .gitignore/.ignore, never entering version-control directories, and
/// entering vendor directories only when asked. Links to files inside the tree are counted, links to directories are not
/// followed (as cloc); links that lead outside the tree are not followed either. Only regular files are handed on: FIFOs,
/// sockets and devices are reported as skipped without being opened (opening a FIFO would block the walk).
/// </summary>
internal sealed class TreeWalker(LocOptions options)
{
    private static readonly HashSet<string> VersionControlDirectories = [".git", ".svn", ".hg", ".bzr", ".cvs", ".snapshot"];
    private static readonly HashSet<string> VendorDirectories = ["vendor", "node_modules"];

    private static readonly EnumerationOptions Enumeration = new()
    {
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    /// <summary>Calls <paramref name="found"/> for every file to count; problems (unreadable directories) go to <paramref
    /// name="problems"/>.</summary>
    public void Walk(string root, Action<SourceFile> found, ICollection<string> problems, ICollection<string> skippedDirectories,
        ICollection<SkippedFile> skippedFiles, CancellationToken ct)
    {
        var realRoot = ConfinedPath.RealPath(root);
        var rootRules = options.RespectIgnoreFiles ? IgnoreRules.ForRoot(root, problems) : IgnoreRules.Empty;
        var stack = new Stack<(string Full, string Relative, IgnoreRules Rules, bool Vendor)>();
        stack.Push((root, "", rootRules, false));
        while (stack.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var (dir, relative, rules, vendor) = stack.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(dir).EnumerateFileSystemInfos("*", Enumeration).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{dir}: unreadable directory ({e.Message})");
                continue;
            }
            foreach (var entry in entries)
            {
                var childRelative = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                var kind = KindOf(entry.FullName);
                var path = entry.FullName;
                if (kind == FileKind.SymbolicLink)
                {
                    (path, kind) = Follow(entry.FullName, realRoot);
                    // links to directories are not followed, nor dangling ones
                    if (kind is FileKind.Missing or FileKind.Directory) continue;
                }
                if (kind == FileKind.Directory)
                {
                    if (VersionControlDirectories.Contains(entry.Name)) continue;
                    if (options.RespectIgnoreFiles && rules.IsIgnored(childRelative, true)) continue;
                    var isVendor = vendor || VendorDirectories.Contains(entry.Name);
                    if (isVendor && !vendor && !options.IncludeVendor)
                    {
                        skippedDirectories.Add(childRelative);
                        continue;
                    }
                    var childRules = options.RespectIgnoreFiles ? rules.For(entry.FullName, childRelative, problems) : rules;
                    stack.Push((entry.FullName, childRelative, childRules, isVendor));
                    continue;
                }
                if (kind == FileKind.Missing || (options.RespectIgnoreFiles && rules.IsIgnored(childRelative, false))) continue;
                if (kind == FileKind.SymbolicLink) skippedFiles.Add(new SkippedFile(childRelative,
                    "symbolic link to outside the tree (not followed)"));
                else if (kind != FileKind.Regular) skippedFiles.Add(new SkippedFile(childRelative,
                    $"not a regular file ({kind.Describe()})"));
                else found(new SourceFile(path, childRelative, vendor));
            }
        }
    }

    private static FileKind KindOf(string path)
    {
        try { return RegularFile.KindOf(path, followLinks: false); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return FileKind.Missing; }
    }

    /// <summary>
    /// Where a link leads, fully resolved, and what is there; a link leading outside the tree comes back as a link
    /// (not followed), a loop or an unresolvable link as missing.
    /// </summary>
    private static (string Path, FileKind Kind) Follow(string link, string realRoot)
    {
        try
        {
            var target = ConfinedPath.RealPath(link);
            if (!ConfinedPath.IsInside(realRoot, target)) return (link, FileKind.SymbolicLink);
            return (target, RegularFile.KindOf(target, followLinks: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (link, FileKind.Missing);
        }
    }
}
