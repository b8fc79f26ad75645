using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.ApiDocs;
using Jiedan.Domain.Gate.Benchmarks;
using Jiedan.Domain.Gate.Checklist;
using Jiedan.Domain.Gate.Complexity;
using Jiedan.Domain.Gate.Coverage;
using Jiedan.Domain.Gate.Findings;
using Jiedan.Domain.Gate.GoModules;
using Jiedan.Domain.Gate.Policy;
using Jiedan.Domain.Gate.Testing;
using Jiedan.Files;

namespace Jiedan.Gate.Evidence;

/// <summary>
/// Reads every planned file with its parser. Any unreadable file stops the gate (GateInputException). Files are opened
/// only if regular (a FIFO or a link to /dev/zero is refused, never read) and no larger than <see cref="MaxFileBytes"/>.
/// </summary>
public static class EvidenceReader
{
    /// <summary>The largest evidence file read (a Go coverage profile of a very large monorepo stays well below).</summary>
    public const long MaxFileBytes = 256L << 20;

    /// <summary>Opens an evidence file for reading, or stops the gate naming the file and the problem (never its content).</summary>
    public static Stream Open(EvidenceFile file)
    {
        try
        {
            // Planned paths are resolved already: a last component swapped for a link since is refused, not followed.
            return RegularFile.OpenRead(file.FullPath, MaxFileBytes, followLinks: file.Kind == EvidenceKind.Policy);
        }
        catch (FileRefusedException e)
        {
            throw new GateInputException(file.Name, null, e.Problem, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GateInputException(file.Name, null, $"cannot be read ({e.GetType().Name})", e);
        }
    }

    /// <summary>The largest Go source file read to map coverage blocks to functions.</summary>
    public const long MaxSourceBytes = 16L << 20;

    /// <param name="projectDir">The Go module root: its go.mod and sources give <c>go tool cover -func</c>'s total.</param>
    public static async Task<GateEvidence> ReadAsync(IReadOnlyList<EvidenceFile> files, GatePolicy policy, CancellationToken ct,
        string? projectDir = null)
    {
        IEnumerable<EvidenceFile> Of(EvidenceKind kind) => files.Where(f => f.Kind == kind);
        EvidenceFile? One(EvidenceKind kind) => Of(kind).FirstOrDefault();

        var coverage = ReadCoverage(Of(EvidenceKind.GoCoverage).ToList(), Of(EvidenceKind.Cobertura).ToList(), Of(EvidenceKind.Lcov)
            .ToList(), projectDir);
        var findings = ReadFindings(Of(EvidenceKind.Sarif), Of(EvidenceKind.Gosec), Of(EvidenceKind.Golangci));

        ApiDocsReport? api = null;
        if (One(EvidenceKind.OpenApi) is { } openapi)
        {
            await using var stream = Open(openapi);
            api = await OpenApiCompleteness.ParseAsync(stream, openapi.Name, ct);
            if (One(EvidenceKind.Routes) is { } routes)
                api = api.WithServedRoutes(WithText(routes, ServedRoutes.Parse), api.BasePath);
        }

        IReadOnlyList<BenchDelta>? bench = null;
        if (One(EvidenceKind.BenchBaseline) is { } baseline && One(EvidenceKind.BenchCurrent) is { } current)
            bench = BenchComparison.Compare(WithText(baseline, GoBenchOutput.Parse), WithText(current, GoBenchOutput.Parse),
                policy.Benchmarks.Alpha);

        return new GateEvidence
        {
            Coverage = coverage,
            Findings = findings,
            ApiDocs = api,
            Complexity = One(EvidenceKind.Complexity) is { } cyclo ? WithText(cyclo, ComplexityReport.Parse) : null,
            GoMod = One(EvidenceKind.GoMod) is { } mod ? WithText(mod, GoModFile.Parse) : null,
            Tests = One(EvidenceKind.GoTestJson) is { } tests ? WithText(tests, GoTestJson.Parse) : null,
            Benchmarks = bench,
        };
    }

    /// <summary>Go profiles are merged; when a project has several formats the Go figure wins, then Cobertura, then lcov.</summary>
    private static CoverageSummary? ReadCoverage(List<EvidenceFile> go, List<EvidenceFile> cobertura, List<EvidenceFile> lcov,
        string? projectDir)
    {
        if (go.Count > 0)
        {
            var profile = new GoCoverageProfile();
            foreach (var f in go)
            {
                using var s = Open(f);
                profile.Add(s, f.Name);
            }
            return projectDir is null ? profile.Summary() : profile.Summary(GoSources(projectDir));
        }
        if (cobertura.Count > 0) return Merge(cobertura.Select(f => { using var s = Open(f); return CoberturaReport.Parse(s, f.Name); }));
        if (lcov.Count > 0) return Merge(lcov.Select(f => WithText(f, LcovReport.Parse)));
        return null;
    }

    /// <summary>
    /// Maps a profile's file name (<c>module/path/file.go</c>, or a path as <c>go tool cover</c> also accepts) to the
    /// function declarations of that source under the project, or null when it is not there (another module, missing,
    /// not a regular file, outside the project after links are resolved). Each file is read once.
    /// </summary>
    private static Func<string, IReadOnlyList<FuncExtent>?> GoSources(string projectDir)
    {
        string? module = null;
        try
        {
            var goMod = ConfinedPath.Resolve(projectDir, projectDir, "go.mod", "go.mod");
            using var reader = RegularFile.OpenText(goMod, MaxFileBytes);
            module = GoModFile.Parse(reader, "go.mod").Module;
        }
        catch (Exception e) when (e is FileRefusedException or IOException or UnauthorizedAccessException or GateInputException)
        {
            // No readable go.mod: only paths given relative to the project or absolute can be mapped.
        }
        var cache = new Dictionary<string, IReadOnlyList<FuncExtent>?>(StringComparer.Ordinal);
        return file =>
        {
            if (cache.TryGetValue(file, out var known)) return known;
            string? relative = file.StartsWith('.') || Path.IsPathRooted(file) ? file
                : module is not null && file.StartsWith(module + "/", StringComparison.Ordinal) ? file[(module.Length + 1)..]
                : null;
            IReadOnlyList<FuncExtent>? functions = null;
            if (relative is not null)
            {
                try
                {
                    var path = ConfinedPath.Resolve(projectDir, projectDir, relative, "coverage profile");
                    functions = GoFuncDeclarations.Find(RegularFile.ReadAllBytes(path, MaxSourceBytes), file);
                }
                catch (Exception e) when (e is FileRefusedException or IOException or UnauthorizedAccessException)
                {
                    functions = null;
                }
            }
            return cache[file] = functions;
        };
    }

    private static CoverageSummary Merge(IEnumerable<CoverageSummary> parts)
    {
        var list = parts.ToList();
        var packages = list.SelectMany(p => p.Packages).GroupBy(p => p.Package)
            .Select(g => new PackageCoverage(g.Key, g.Sum(p => p.Statements), g.Sum(p => p.Covered)))
                .OrderBy(p => p.Package, StringComparer.Ordinal).ToList();
        return new CoverageSummary(list[0].Format, list.Sum(p => p.Statements), list.Sum(p => p.Covered), packages);
    }

    private static FindingSummary? ReadFindings(IEnumerable<EvidenceFile> sarif, IEnumerable<EvidenceFile> gosec,
        IEnumerable<EvidenceFile> golangci)
    {
        FindingSummary? all = null;
        void Take(FindingSummary s) => (all ??= new FindingSummary()).Merge(s);
        foreach (var f in sarif) { using var s = Open(f); Take(SarifReport.Parse(s, f.Name)); }
        foreach (var f in gosec) { using var s = Open(f); Take(GosecReport.Parse(s, f.Name)); }
        foreach (var f in golangci) { using var s = Open(f); Take(GolangciLintReport.Parse(s, f.Name)); }
        return all;
    }

    private static T WithText<T>(EvidenceFile file, Func<TextReader, string, T> parse)
    {
        using var reader = new StreamReader(Open(file));
        return parse(reader, file.Name);
    }
}
