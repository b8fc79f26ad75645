using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.Policy;

namespace Jiedan.Gate.Evidence;

/// <summary>
/// Decides which files to read: the paths the policy names, or, where it names none, the conventions:
/// coverage.out, cover.out, *.coverprofile, coverage.xml / cobertura.xml, lcov.info at the root; *.sarif, gosec.json,
/// golangci-lint.json at the root; openapi.* or swagger.* (yaml, yml, json) in api/ or docs/; go.mod at the root;
/// gocyclo.txt, test.json, bench-baseline.txt and bench-current.txt at the root. Reports produced by --run are read
/// instead of the conventional files of the same kind.
/// </summary>
public static class EvidencePlan
{
    public static IReadOnlyList<EvidenceFile> Resolve(string projectDir, GatePolicy policy, string? policyFile, IReadOnlyList<EvidenceFile> produced)
    {
        var files = new List<EvidenceFile>();
        if (policyFile is not null) files.Add(new(EvidenceKind.Policy, Relative(projectDir, policyFile), policyFile));

        void Add(EvidenceKind kind, IEnumerable<string> declared, params string[] conventions)
        {
            var fromRun = produced.Where(p => p.Kind == kind).ToList();
            var patterns = declared.ToList();
            var explicitly = patterns.Count > 0;
            // Fresh reports from --run replace the conventional files (which may be stale); named ones are still read.
            if (!explicitly && fromRun.Count == 0) patterns.AddRange(conventions);
            foreach (var pattern in patterns)
            {
                var matches = Expand(projectDir, pattern);
                if (matches.Count == 0 && explicitly && !pattern.Contains('*'))
                    throw new GateInputException(pattern, null, "named in the policy but not found");
                foreach (var m in matches)
                    if (!files.Any(f => f.FullPath == m))
                        files.Add(new(kind, Relative(projectDir, m), m));
            }
            files.AddRange(fromRun);
        }

        void AddOne(EvidenceKind kind, string? declared, params string[] conventions) =>
            Add(kind, declared is null ? [] : [declared], conventions);

        var p = policy;
        if (p.Coverage.Enabled)
        {
            Add(EvidenceKind.GoCoverage, p.Coverage.Profiles, "coverage.out", "cover.out", "*.coverprofile");
            Add(EvidenceKind.Cobertura, p.Coverage.Cobertura, "coverage.xml", "cobertura.xml");
            Add(EvidenceKind.Lcov, p.Coverage.Lcov, "lcov.info");
        }
        if (p.Vulnerabilities.Enabled)
        {
            Add(EvidenceKind.Sarif, p.Vulnerabilities.Sarif, "*.sarif");
            Add(EvidenceKind.Gosec, p.Vulnerabilities.Gosec, "gosec.json");
            Add(EvidenceKind.Golangci, p.Vulnerabilities.Golangci, "golangci-lint.json");
        }
        if (p.ApiDocs.Enabled)
        {
            var openapi = p.ApiDocs.Openapi is { } declared
                ? Expand(projectDir, declared) is { Count: > 0 } found ? found.Take(1).ToList() : throw new GateInputException(declared, null, "named in the policy but not found")
                : OpenApiByConvention(projectDir);
            files.AddRange(openapi.Select(f => new EvidenceFile(EvidenceKind.OpenApi, Relative(projectDir, f), f)));
            if (p.ApiDocs.Routes is not null) AddOne(EvidenceKind.Routes, p.ApiDocs.Routes);
        }
        if (p.Complexity.Enabled) AddOne(EvidenceKind.Complexity, p.Complexity.Report, "gocyclo.txt");
        if (p.GoVersion.Enabled) AddOne(EvidenceKind.GoMod, p.GoVersion.Gomod, "go.mod");
        if (p.Tests.Enabled) AddOne(EvidenceKind.GoTestJson, p.Tests.Report, "test.json");
        if (p.Benchmarks.Enabled)
        {
            AddOne(EvidenceKind.BenchBaseline, p.Benchmarks.Baseline, "bench-baseline.txt");
            AddOne(EvidenceKind.BenchCurrent, p.Benchmarks.Current, "bench-current.txt");
        }
        return files;
    }

    /// <summary>The first of api/openapi.*, api/swagger.*, docs/openapi.*, docs/swagger.* (yaml, yml, json in that order).</summary>
    private static List<string> OpenApiByConvention(string projectDir)
    {
        foreach (var dir in new[] { "api", "docs" })
            foreach (var stem in new[] { "openapi", "swagger" })
                foreach (var ext in new[] { "yaml", "yml", "json" })
                {
                    var path = Path.Combine(projectDir, dir, $"{stem}.{ext}");
                    if (File.Exists(path)) return [path];
                }
        return [];
    }

    /// <summary>A relative path, with <c>*</c> allowed in the file name only.</summary>
    private static List<string> Expand(string projectDir, string pattern)
    {
        var full = Path.GetFullPath(Path.Combine(projectDir, pattern));
        if (!pattern.Contains('*')) return File.Exists(full) ? [full] : [];
        var dir = Path.GetDirectoryName(full)!;
        return Directory.Exists(dir)
            ? Directory.GetFiles(dir, Path.GetFileName(full)).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    public static string Relative(string projectDir, string path) =>
        Path.GetRelativePath(projectDir, path).Replace('\\', '/');
}
