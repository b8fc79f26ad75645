namespace Jiedan.Credibility.Audit;

/// <summary>
/// Config <c>Credibility:RepositoryRoot</c>: the only directory whose subtree <c>POST /api/v1/audits</c> may audit (unset,
/// the API refuses to run audits). <c>Credibility:GitHubApi</c> and <c>Credibility:GitHubToken</c> turn on the Actions
/// pass rate for those audits.
/// </summary>
public sealed record AuditSettings(string? RepositoryRoot, Uri? GitHubApi, string? GitHubToken)
{
    public static AuditSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var root = configuration["Credibility:RepositoryRoot"] is { Length: > 0 } r ? Path.GetFullPath(r) : null;
        var api = Uri.TryCreate(configuration["Credibility:GitHubApi"], UriKind.Absolute, out var u) ? u : null;
        return new AuditSettings(root, api, configuration["Credibility:GitHubToken"] is { Length: > 0 } t ? t : null);
    }
}
