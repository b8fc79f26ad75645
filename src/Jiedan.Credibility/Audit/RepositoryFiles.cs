using Jiedan.Domain.Credibility.Audit;
using Jiedan.Domain.Gate;
using Jiedan.Files;

namespace Jiedan.Credibility.Audit;

/// <summary>
/// Reads the files the audit judges, treating the repository as outside input: every path is resolved (links included)
/// and confined to the root, only regular files are opened, each kind of file has a size cap, the walk stops after
/// <see cref="AuditLimits.MaxFilesWalked"/> entries and skips .git, vendor/, testdata/, node_modules/ and directories Go
/// ignores (names starting with "." or "_"); linked directories are not followed. A file that cannot be read is reported
/// by path and problem, never by content.
/// </summary>
internal sealed class RepositoryFiles(string root, AuditLimits limits)
{
    private static readonly string[] ReadmeNames = ["README.md", "README.markdown", "readme.md", "Readme.md", "README"];
    private static readonly string[] LicenseNames = ["LICENSE", "LICENSE.md", "LICENSE.txt", "COPYING", "LICENCE", "license"];
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { "vendor", "testdata", "node_modules" };

    public sealed record Walk(IReadOnlyList<GoPackage> Packages, IReadOnlyList<string> ContractFiles, int TestFiles, GoDocs Docs,
        IReadOnlyList<SourceLine> Benchmarks, IReadOnlyList<string> Skipped);

    public TextFile? Readme() => FirstPresent(ReadmeNames, limits.MaxReadmeBytes);

    public TextFile? License() => FirstPresent(LicenseNames, limits.MaxLicenseBytes);

    public TextFile? GoMod() => Exists("go.mod") ? Read("go.mod", limits.MaxGoModBytes) : null;

    public IReadOnlyList<TextFile> Workflows()
    {
        var dir = Path.Combine(root, ".github", "workflows");
        if (RegularFile.KindOf(dir, followLinks: false) != FileKind.Directory) return [];
        return Directory.EnumerateFiles(dir)
            .Select(Path.GetFileName)
            .Where(n => n!.EndsWith(".yml", StringComparison.Ordinal) || n.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Take(limits.MaxWorkflows)
            .Select(n => Read(".github/workflows/" + n, limits.MaxWorkflowBytes))
            .ToList();
    }

    public Walk WalkGo()
    {
        var packages = new Dictionary<string, string>(StringComparer.Ordinal);
        var contracts = new List<string>();
        var skipped = new List<string>();
        var benchmarks = new List<SourceLine>();
        var undocumented = new List<SourceLine>();
        int tests = 0, exported = 0, documented = 0, walked = 0;
        var pending = new Stack<string>();
        pending.Push("");
        while (pending.Count > 0)
        {
            var relative = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(Path.Join(root, relative)).EnumerateFileSystemInfos()
                    .OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                skipped.Add($"{Display(relative)}: {Why(e)}");
                continue;
            }
            foreach (var entry in entries)
            {
                if (++walked > limits.MaxFilesWalked)
                {
                    skipped.Add($"stopped after {limits.MaxFilesWalked} files and directories");
                    pending.Clear();
                    break;
                }
                var path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                var isLink = entry.LinkTarget is not null;
                if (entry is DirectoryInfo)
                {
                    if (isLink || entry.Name == ".git" || entry.Name.StartsWith('.') || entry.Name.StartsWith('_')
                        || SkippedDirectories.Contains(entry.Name)) continue;
                    pending.Push(path);
                    continue;
                }
                if (IsContract(entry.Name)) contracts.Add(path);
                if (!entry.Name.EndsWith(".go", StringComparison.Ordinal)) continue;
                byte[] source;
                try
                {
                    var real = ConfinedPath.Resolve(root, root, path, "file");
                    source = RegularFile.ReadAllBytes(real, limits.MaxGoFileBytes, followLinks: false);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    skipped.Add($"{path}: {Why(e)}");
                    continue;
                }
                GoFileScan scan;
                try { scan = GoSourceScan.Scan(source, path); }
                catch (GateInputException e)
                {
                    skipped.Add(e.Line is { } l ? $"{path}:{l}: {e.Problem}" : $"{path}: {e.Problem}");
                    continue;
                }
                var test = entry.Name.EndsWith("_test.go", StringComparison.Ordinal);
                if (test)
                {
                    tests++;
                    benchmarks.AddRange(scan.Benchmarks.Select(b => new SourceLine(path, b.Line, b.Name)));
                    continue;
                }
                if (scan.Package.Length == 0) continue;
                var dir = relative;
                // A library directory may hold a "package main" generator (//go:build ignore): any other name wins.
                if (!packages.TryGetValue(dir, out var known) || known == "main") packages[dir] = scan.Package;
                if (scan.Package == "main") continue;
                foreach (var id in scan.Exported)
                {
                    exported++;
                    if (id.Documented) documented++;
                    else if (undocumented.Count < 10) undocumented.Add(new SourceLine(path, id.Line, id.Name));
                }
            }
        }
        return new Walk(packages.Select(p => new GoPackage(p.Key, p.Value)).OrderBy(p => p.Directory, StringComparer.Ordinal).ToList(),
            contracts, tests, new GoDocs(exported, documented, undocumented), benchmarks, skipped);
    }

    private static bool IsContract(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.EndsWith(".proto", StringComparison.Ordinal) || lower.EndsWith(".graphql", StringComparison.Ordinal)
            || ((lower.StartsWith("openapi", StringComparison.Ordinal) || lower.StartsWith("swagger", StringComparison.Ordinal))
                && (lower.EndsWith(".yaml", StringComparison.Ordinal) || lower.EndsWith(".yml", StringComparison.Ordinal)
                    || lower.EndsWith(".json", StringComparison.Ordinal)));
    }

    private TextFile? FirstPresent(string[] names, long max) =>
        names.FirstOrDefault(Exists) is { } name ? Read(name, max) : null;

    private bool Exists(string name) => RegularFile.KindOf(Path.Join(root, name), followLinks: false) != FileKind.Missing;

    private TextFile Read(string relative, long max)
    {
        try
        {
            var real = ConfinedPath.Resolve(root, root, relative, "file");
            return new TextFile(relative, RegularFile.ReadAllText(real, max, followLinks: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new TextFile(relative, null, Why(e));
        }
    }

    private static string Display(string relative) => relative.Length == 0 ? "." : relative;

    /// <summary>The problem in words that cannot carry file content.</summary>
    public static string Why(Exception e) => e switch
    {
        FileRefusedException { Problem: "outside the allowed root" } => "a link that leaves the repository (not read)",
        FileRefusedException refused => refused.Problem,
        FileNotFoundException or DirectoryNotFoundException => "not found",
        UnauthorizedAccessException => "permission denied",
        _ => "unreadable",
    };
}
