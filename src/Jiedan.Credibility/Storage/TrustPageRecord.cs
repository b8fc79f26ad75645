namespace Jiedan.Credibility.Storage;

/// <summary>
/// An opt-in public trust page: which gate project it shows (the folder name gate runs carry), under which slug and
/// title, and optionally the repository (host/owner/repo) whose latest audit gives the CI pass rate.
/// </summary>
public sealed class TrustPageRecord
{
    public long Id { get; set; }
    public required string Slug { get; set; }
    public required string Project { get; set; }
    public required string Title { get; set; }
    public string? Repository { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
