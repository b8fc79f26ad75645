namespace Jiedan.Domain.Credibility.Audit;

/// <summary>
/// What the audit knows about a repository, gathered by I/O code (git, the file walk, the optional Actions API) and
/// judged by the pure checks. A part that could not be read carries its problem instead of its content.
/// </summary>
public sealed record RepositoryFacts
{
    /// <summary>host/owner/repo of the remote, or the directory's name.</summary>
    public required string Repository { get; init; }

    /// <summary>The remote as host and path (no user name or password), or null with <see cref="RemoteProblem"/>.</summary>
    public GitRemote? Remote { get; init; }
    public string? RemoteProblem { get; init; }

    public TextFile? GoMod { get; init; }
    public TextFile? Readme { get; init; }
    public TextFile? License { get; init; }
    public IReadOnlyList<TextFile> Workflows { get; init; } = [];
    public CiRuns? CiRuns { get; init; }

    /// <summary>Every Go package (directory relative to the root, "" for the root) and its package name.</summary>
    public IReadOnlyList<GoPackage> Packages { get; init; } = [];

    /// <summary>Contract files (.proto, OpenAPI, GraphQL schemas), relative paths.</summary>
    public IReadOnlyList<string> ContractFiles { get; init; } = [];

    public int TestFiles { get; init; }
    public Coverage? Coverage { get; init; }

    public int ActivityDays { get; init; } = 90;
    public int? RecentCommits { get; init; }
    public DateTimeOffset? LastCommit { get; init; }
    public string? GitProblem { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public GoDocs Docs { get; init; } = new(0, 0, []);
    public IReadOnlyList<SourceLine> Benchmarks { get; init; } = [];

    /// <summary>Files skipped during the walk, each "path: problem" (never content).</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}

/// <summary>A file the audit read, or why it could not: exactly one of <see cref="Text"/> and <see cref="Problem"/>.</summary>
public sealed record TextFile(string Path, string? Text, string? Problem = null);

/// <summary>Workflow runs of the default branch from the Actions API, or why they could not be read.</summary>
public sealed record CiRuns(string? Branch, int Successful, int Completed, int Listed, string? Problem = null);

public sealed record GoPackage(string Directory, string Name);

public sealed record Coverage(double? Percent, string? Note);

public readonly record struct SourceLine(string File, int Line, string Name);

/// <summary>Exported identifiers counted and documented; the first few undocumented ones for the evidence.</summary>
public sealed record GoDocs(int Exported, int Documented, IReadOnlyList<SourceLine> Undocumented);
