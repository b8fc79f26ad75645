using Jiedan.Credibility.Storage;
using Jiedan.Domain.Credibility;
using Jiedan.Domain.Credibility.Audit;
using Microsoft.EntityFrameworkCore;
using static Jiedan.Domain.Credibility.Audit.AuditWeights;

namespace Jiedan.Credibility.Audit;

/// <summary>
/// A few stored repository audits so /audits shows data from the first start: three made-up repositories, one audited twice
/// to show a score that rose. They are told apart by their host, <see cref="Host"/>: <c>.invalid</c> is reserved (RFC 2606),
/// so no real remote (host/owner/repo) and no directory name (it has no slash) can carry it, and no column is needed.
/// </summary>
public sealed class AuditDemoSeeder(AuditDbContext db, TimeProvider clock)
{
    public const string Host = "demo.invalid";
    public const string Prefix = Host + "/";

    public async Task<int> SeedAsync(CancellationToken ct)
    {
        if (await db.Audits.AnyAsync(a => EF.Functions.Like(a.Repository, Prefix + "%"), ct)) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var audits = new (string Repository, int DaysAgo, CredibilityCheck[] Checks, int? CiSuccessful, int? CiCompleted)[]
        {
            ($"{Prefix}studio/orders-api", 40, Checks(ci: false, tests: false, releases: false, benchmarks: false), 31, 42),
            ($"{Prefix}studio/orders-api", 3, Checks(benchmarks: false), 48, 50),
            ($"{Prefix}studio/fleet-tracker", 12, Checks(docs: false, releases: false), 47, 50),
            ($"{Prefix}studio/helpdesk-cli", 6, Checks(license: false, modulePath: false, ci: false, activity: false), null, null),
        };
        foreach (var (repository, daysAgo, checks, ciSuccessful, ciCompleted) in audits)
            db.Audits.Add(new RepositoryAuditRecord
            {
                Repository = repository, CreatedAtUtc = now.AddDays(-daysAgo), Score = AssetScore.FromChecks(checks).Score,
                ChecksJson = AuditJson.Checks(checks), CiSuccessful = ciSuccessful, CiCompleted = ciCompleted,
            });
        await db.SaveChangesAsync(ct);
        return audits.Length;
    }

    /// <summary>Deletes the demo audits (their repositories are under <see cref="Host"/>) and nothing else.</summary>
    public Task<int> RemoveAsync(CancellationToken ct) =>
        db.Audits.Where(a => EF.Functions.Like(a.Repository, Prefix + "%")).ExecuteDeleteAsync(ct);

    private static CredibilityCheck[] Checks(bool ci = true, bool tests = true, bool releases = true, bool benchmarks = true,
        bool docs = true, bool license = true, bool modulePath = true, bool activity = true) =>
    [
        Check(Layout, true, "cmd/, internal/ and pkg/ follow the standard Go layout", "move the entry point under cmd/"),
        Check(ModulePath, modulePath, modulePath ? "go.mod:1 module path matches the remote" : "go.mod:1 module path is 'helpdesk'",
            "set the module path in go.mod to host/owner/repo"),
        Check(Readme, true, "README.md has install, usage, configuration and license sections", "add the missing README sections"),
        Check(License, license, license ? "LICENSE: MIT" : "no LICENSE file", "add a LICENSE file (MIT or Apache-2.0)"),
        Check(Ci, ci, ci ? "47 of the last 50 workflow runs succeeded (94%)" : "31 of the last 42 workflow runs succeeded (74%)",
            "fix the failing workflow runs until at least 92% of the last 50 succeed"),
        Check(Tests, tests, tests ? "38 test files, coverage 71%" : "4 test files, coverage 18%", "add tests for the handlers"),
        Check(Activity, activity, activity ? "63 commits in the last 90 days" : "no commit in the last 90 days",
            "commit regularly or say the project is finished"),
        Check(Releases, releases, releases ? "latest tag v1.4.2 (semver)" : "no semver tag", "tag a release such as v1.0.0"),
        Check(Docs, docs, docs ? "92% of exported identifiers documented" : "41% of exported identifiers documented",
            "document the exported identifiers"),
        Check(Benchmarks, benchmarks, benchmarks ? "6 benchmarks (BenchmarkCreateOrder, …)" : "no Benchmark functions",
            "add Benchmark functions for the hot paths"),
    ];
}
