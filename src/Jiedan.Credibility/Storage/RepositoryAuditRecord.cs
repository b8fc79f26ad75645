namespace Jiedan.Credibility.Storage;

/// <summary>One stored audit: the repository (host/owner/repo of its remote, or the directory's name), when, the score,
/// the checks as JSON (the CLI's <c>--json</c> checks array) and the CI figures when the Actions API was read.</summary>
public sealed class RepositoryAuditRecord
{
    public const int MaxRepositoryLength = 300;

    public long Id { get; set; }
    public required string Repository { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public int Score { get; set; }
    public required string ChecksJson { get; set; }
    public int? CiSuccessful { get; set; }
    public int? CiCompleted { get; set; }
}
