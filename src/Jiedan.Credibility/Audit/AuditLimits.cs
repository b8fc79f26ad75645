namespace Jiedan.Credibility.Audit;

/// <summary>Caps on what the audit reads from a repository it does not trust.</summary>
public sealed record AuditLimits
{
    public long MaxReadmeBytes { get; init; } = 1024 * 1024;
    public long MaxGoModBytes { get; init; } = 256 * 1024;
    public long MaxLicenseBytes { get; init; } = 256 * 1024;
    public long MaxWorkflowBytes { get; init; } = 256 * 1024;
    public int MaxWorkflows { get; init; } = 50;
    public long MaxGoFileBytes { get; init; } = 1024 * 1024;
    public int MaxFilesWalked { get; init; } = 50_000;
    public TimeSpan GitTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public static AuditLimits Default { get; } = new();
}
