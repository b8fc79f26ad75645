using Jiedan.Domain.Credibility;
using Jiedan.Domain.Credibility.Audit;

namespace Jiedan.Credibility.Audit;

/// <summary>What to audit and how: the clone, an explicit remote, the Actions API (base URL and token; either turns it
/// on), coverage (runs the repository's own tests, so opt-in) and the language of the texts.</summary>
public sealed record AuditRequest(string Path)
{
    public string? Remote { get; init; }
    public string? GitHubToken { get; init; }
    public Uri? GitHubApi { get; init; }
    public bool Coverage { get; init; }
    public AuditLanguage Language { get; init; } = AuditLanguage.En;

    public bool UsesApi => GitHubApi is not null || !string.IsNullOrEmpty(GitHubToken);
}

/// <summary>An audit's outcome: the repository it names, the score with its checks, and the CI figures when measured.</summary>
public sealed record AuditReport(string Repository, AssetScore Score, CiRuns? CiRuns, IReadOnlyList<string> Skipped);
