namespace Jiedan.Loc.Walking;

/// <summary>
/// Walks a tree depth-first, honouring .gitignore/.ignore, never entering version-control directories, and
/// entering vendor directories only when asked. Links to files are counted, links to directories are not followed (as cloc).
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

    /// <summary>Calls <paramref name="found"/> for every file to count; problems (unreadable directories) go to <paramref name="problems"/>.</summary>
    public void Walk(string root, Action<SourceFile> found, ICollection<string> problems, ICollection<string> skippedDirectories, CancellationToken ct)
    {
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
                var isLink = (entry.Attributes & FileAttributes.ReparsePoint) != 0;
                if (isLink && !File.Exists(entry.FullName)) continue; // links to directories are not followed, nor dangling ones
                var childRelative = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                var isDirectory = !isLink && (entry.Attributes & FileAttributes.Directory) != 0;
                if (isDirectory)
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
                }
                else
                {
                    if (options.RespectIgnoreFiles && rules.IsIgnored(childRelative, false)) continue;
                    found(new SourceFile(entry.FullName, childRelative, vendor));
                }
            }
        }
    }
}
