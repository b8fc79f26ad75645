using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.Policy;
using Jiedan.Files;

namespace Jiedan.Gate.Evidence;

/// <summary>
/// Decides which files to read: the paths the policy names, or, where it names none, the conventions:
/// coverage.out, cover.out, *.coverprofile, coverage.xml / cobertura.xml, lcov.info at the root; *.sarif, gosec.json,
/// golangci-lint.json at the root; openapi.* or swagger.* (yaml, yml, json) in api/ or docs/; go.mod at the root;
/// gocyclo.txt, test.json, bench-baseline.txt and bench-current.txt at the root. Reports produced by --run are read
/// instead of the conventional files of the same kind.
/// Every path, named or conventional, is resolved (symbolic links and <c>..</c> included) and must stay inside the
/// project folder: a policy cannot make the gate read <c>../../etc/passwd</c> or pass on another project's evidence.
/// </summary>
public static class EvidencePlan
{
    public static IReadOnlyList<EvidenceFile> Resolve(string projectDir, GatePolicy policy, string? policyFile,
        IReadOnlyList<EvidenceFile> produced)
    {
        var files = new List<EvidenceFile>();
        var realDir = RealDirectory(projectDir);
        var document = policyFile is null ? "conventions" : Relative(projectDir, policyFile);
        if (policyFile is not null) files.Add(new(EvidenceKind.Policy, Relative(projectDir, policyFile), policyFile));

        void Add(EvidenceKind kind, string field, IEnumerable<string> declared, params string[] conventions)
        {
            var fromRun = produced.Where(p => p.Kind == kind).ToList();
            var patterns = declared.ToList();
            var explicitly = patterns.Count > 0;
            // Fresh reports from --run replace the conventional files (which may be stale); named ones are still read.
            if (!explicitly && fromRun.Count == 0) patterns.AddRange(conventions);
            foreach (var pattern in patterns)
            {
                var matches = Expand(projectDir, pattern, document, field);
                if (matches.Count == 0 && explicitly && !pattern.Contains('*', StringComparison.Ordinal))
                    throw new GateInputException(pattern, null, "named in the policy but not found");
                foreach (var m in matches)
                    if (!files.Any(f => f.FullPath == m))
                        files.Add(new(kind, Relative(realDir, m), m));
            }
            files.AddRange(fromRun);
        }

        void AddOne(EvidenceKind kind, string field, string? declared, params string[] conventions) =>
            Add(kind, field, declared is null ? [] : [declared], conventions);

        var p = policy;
        if (p.Coverage.Enabled)
        {
            Add(EvidenceKind.GoCoverage, "coverage.profiles", p.Coverage.Profiles, "coverage.out", "cover.out", "*.coverprofile");
            Add(EvidenceKind.Cobertura, "coverage.cobertura", p.Coverage.Cobertura, "coverage.xml", "cobertura.xml");
            Add(EvidenceKind.Lcov, "coverage.lcov", p.Coverage.Lcov, "lcov.info");
        }
        if (p.Vulnerabilities.Enabled)
        {
            Add(EvidenceKind.Sarif, "vulnerabilities.sarif", p.Vulnerabilities.Sarif, "*.sarif");
            Add(EvidenceKind.Gosec, "vulnerabilities.gosec", p.Vulnerabilities.Gosec, "gosec.json");
            Add(EvidenceKind.Golangci, "vulnerabilities.golangci", p.Vulnerabilities.Golangci, "golangci-lint.json");
        }
        if (p.ApiDocs.Enabled)
        {
            var openapi = p.ApiDocs.Openapi is { } declared
                ? Expand(projectDir, declared, document, "apiDocs.openapi") is { Count: > 0 } found
                    ? found.Take(1).ToList() : throw new GateInputException(declared, null, "named in the policy but not found")
                : OpenApiByConvention(projectDir);
            files.AddRange(openapi.Select(f => new EvidenceFile(EvidenceKind.OpenApi, Relative(realDir, f), f)));
            if (p.ApiDocs.Routes is not null) AddOne(EvidenceKind.Routes, "apiDocs.routes", p.ApiDocs.Routes);
        }
        if (p.Complexity.Enabled) AddOne(EvidenceKind.Complexity, "complexity.report", p.Complexity.Report, "gocyclo.txt");
        if (p.GoVersion.Enabled) AddOne(EvidenceKind.GoMod, "goVersion.gomod", p.GoVersion.Gomod, "go.mod");
        if (p.Tests.Enabled) AddOne(EvidenceKind.GoTestJson, "tests.report", p.Tests.Report, "test.json");
        if (p.Benchmarks.Enabled)
        {
            AddOne(EvidenceKind.BenchBaseline, "benchmarks.baseline", p.Benchmarks.Baseline, "bench-baseline.txt");
            AddOne(EvidenceKind.BenchCurrent, "benchmarks.current", p.Benchmarks.Current, "bench-current.txt");
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
                    var path = Path.Combine(dir, $"{stem}.{ext}");
                    if (RegularFile.KindOf(Path.Combine(projectDir, path), followLinks: false) != FileKind.Missing)
                        return [Confine(projectDir, path, "conventions", "apiDocs.openapi")];
                }
        return [];
    }

    /// <summary>
    /// A relative path, with <c>*</c> allowed in the file name only, resolved and confined to the project folder; the
    /// matches are the resolved paths. A path that leaves the folder stops the gate, naming the policy field and the path.
    /// </summary>
    private static List<string> Expand(string projectDir, string pattern, string document, string field)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            var full = Confine(projectDir, pattern, document, field);
            return RegularFile.KindOf(full) == FileKind.Missing ? [] : [full];
        }
        var dirPart = Path.GetDirectoryName(pattern) is { Length: > 0 } d ? d : ".";
        if (dirPart.Contains('*', StringComparison.Ordinal)) throw new GateInputException(document, null,
            $"{field}: {pattern}: '*' is allowed in the file name only");
        var dir = Confine(projectDir, dirPart, document, field);
        if (RegularFile.KindOf(dir) != FileKind.Directory) return [];
        return Directory.GetFiles(dir, Path.GetFileName(pattern))
            .Select(f => Confine(projectDir, f, document, field))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static string RealDirectory(string projectDir)
    {
        try { return ConfinedPath.RealPath(projectDir); }
        catch (IOException) { throw new GateInputException(projectDir, null, "project directory cannot be resolved"); }
    }

    private static string Confine(string projectDir, string path, string document, string field)
    {
        try
        {
            return ConfinedPath.Resolve(projectDir, projectDir, path, field);
        }
        catch (FileRefusedException)
        {
            throw new GateInputException(document, null, $"{field}: {path} is outside the project folder");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GateInputException(document, null, $"{field}: {path} cannot be resolved ({e.GetType().Name})");
        }
    }

    public static string Relative(string projectDir, string path) =>
        Path.GetRelativePath(projectDir, path).Replace('\\', '/');
}
