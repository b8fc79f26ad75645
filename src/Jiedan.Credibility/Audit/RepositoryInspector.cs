using Jiedan.Domain.Credibility.Audit;
using Jiedan.Files;

namespace Jiedan.Credibility.Audit;

/// <summary>
/// Gathers <see cref="RepositoryFacts"/> from a local clone (files, git, optionally the Actions API) and judges them.
/// Bad input (not a directory, not a git repository, a remote that is not a URL) is an <see cref="AuditInputException"/>;
/// everything else the repository gets wrong becomes a failed check with its reason.
/// </summary>
public sealed class RepositoryInspector(TimeProvider clock, HttpClient? http = null, AuditLimits? limits = null)
{
    private readonly AuditLimits _limits = limits ?? AuditLimits.Default;

    public async Task<AuditReport> AuditAsync(AuditRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var facts = await GatherAsync(request, ct);
        return new AuditReport(facts.Repository, RepositoryAudit.Evaluate(facts, request.Language), facts.CiRuns, facts.Skipped);
    }

    public async Task<RepositoryFacts> GatherAsync(AuditRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var root = Root(request.Path);
        var git = new GitFacts(root, _limits.GitTimeout);
        await git.EnsureRepositoryAsync(ct);
        GitRemote? remote;
        string? remoteProblem = null;
        if (request.Remote is { } given)
        {
            remote = GitRemote.Parse(given) ?? throw new AuditInputException("--remote", "not a repository URL (https://host/owner/repo or "
                + "git@host:owner/repo.git)");
        }
        else
        {
            var (url, problem) = await git.OriginAsync(ct);
            remote = GitRemote.Parse(url);
            remoteProblem = problem ?? (remote is null ? "the origin remote is not a repository URL" : null);
        }
        var since = clock.GetUtcNow().AddDays(-90);
        var (recent, last, gitProblem) = await git.ActivityAsync(since, ct);
        var tags = await git.TagsAsync(ct);
        var files = new RepositoryFiles(root, _limits);
        var walk = files.WalkGo();
        CiRuns? runs = null;
        if (request.UsesApi)
        {
            runs = remote is null ? new CiRuns(null, 0, 0, 0, "no remote to ask the Actions API about")
                : http is null ? new CiRuns(null, 0, 0, 0, "no HTTP client")
                : await new ActionsRunsClient(http, request.GitHubApi ?? ActionsRunsClient.GitHub, request.GitHubToken)
                    .ReadAsync(remote, ct);
        }
        return new RepositoryFacts
        {
            Repository = remote?.Display ?? Path.GetFileName(root),
            Remote = remote,
            RemoteProblem = remoteProblem,
            GoMod = files.GoMod(),
            Readme = files.Readme(),
            License = files.License(),
            Workflows = files.Workflows(),
            CiRuns = runs,
            Packages = walk.Packages,
            ContractFiles = walk.ContractFiles,
            TestFiles = walk.TestFiles,
            Coverage = request.Coverage ? await CoverageRunner.MeasureAsync(root, ct) : null,
            RecentCommits = recent,
            LastCommit = last,
            GitProblem = gitProblem,
            Tags = tags,
            Docs = walk.Docs,
            Benchmarks = walk.Benchmarks,
            Skipped = walk.Skipped,
        };
    }

    private static string Root(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new AuditInputException("PATH", "empty");
        string real;
        try { real = ConfinedPath.RealPath(Path.GetFullPath(path)); }
        catch (IOException) { throw new AuditInputException("PATH", $"{path}: cannot be resolved (a loop of links?)"); }
        if (RegularFile.KindOf(real) != FileKind.Directory) throw new AuditInputException("PATH", $"{path}: not a directory");
        return real;
    }
}
