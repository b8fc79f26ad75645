using Jiedan.Credibility.Audit;
using Jiedan.Credibility.Storage;
using Jiedan.Files;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiedan.Credibility.Api;

/// <summary>A stored audit as the API returns it.</summary>
public sealed record AuditView(long Id, string Repository, DateTime CreatedAtUtc, int Score, IReadOnlyList<AuditCheckJson> Checks,
    int? CiSuccessful, int? CiCompleted)
{
    public static AuditView From(RepositoryAuditRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.Repository, r.CreatedAtUtc, r.Score, AuditJson.ReadChecks(r.ChecksJson), r.CiSuccessful, r.CiCompleted);
    }
}

/// <summary>The body of <c>POST /api/v1/audits</c>: a clone on this server (inside Credibility:RepositoryRoot) and an
/// optional remote URL.</summary>
public sealed record AuditRequestBody(string? Path, string? Remote);

/// <summary>Repository audits under <c>/api/v1/audits</c>: stored ones per repository, and running one on a clone inside
/// <c>Credibility:RepositoryRoot</c>.</summary>
public static class AuditsApi
{
    public const int MaxHistory = 200;

    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    public static RouteGroupBuilder MapAuditsApiV1(this RouteGroupBuilder api)
    {
        var audits = api.MapGroup("/audits").WithTags("Audits");
        audits.MapGet("/", List);
        audits.MapGet("/latest", Latest);
        audits.MapPost("/", Run);
        return audits;
    }

    /// <summary>Stored audits, newest first; of one repository when <c>?repository=</c> names it.</summary>
    public static async Task<Ok<List<AuditView>>> List(string? repository, AuditStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.HistoryAsync(repository, MaxHistory, ct)).Select(AuditView.From).ToList());

    public static async Task<Results<Ok<AuditView>, NotFound<ProblemDetails>, ValidationProblem>> Latest(string? repository,
        AuditStore store, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(repository))
            return Problem("repository", "repository is required: /api/v1/audits/latest?repository=HOST/OWNER/REPO");
        return await store.LatestAsync(repository, ct) is { } r
            ? TypedResults.Ok(AuditView.From(r))
            : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "No audit", Detail = $"no stored audit of {repository}" });
    }

    /// <summary>Audits a clone inside Credibility:RepositoryRoot and stores the result.</summary>
    public static async Task<Results<Created<AuditView>, ValidationProblem>> Run(AuditRequestBody body, AuditSettings settings,
        AuditStore store, TimeProvider clock, CancellationToken ct)
    {
        if (settings.RepositoryRoot is not { } root)
            return Problem("path", "audits of paths on this server are not accepted here (set Credibility:RepositoryRoot to allow them)");
        if (string.IsNullOrWhiteSpace(body.Path)) return Problem("path", "path is required: a clone inside the repository root");
        string path;
        try
        {
            path = ConfinedPath.Resolve(root, root, body.Path, "path");
        }
        catch (FileRefusedException)
        {
            return Problem("path", $"{body.Path} is outside the repository root");
        }
        catch (IOException)
        {
            return Problem("path", $"{body.Path} cannot be resolved");
        }
        var request = new AuditRequest(path) { Remote = body.Remote, GitHubApi = settings.GitHubApi, GitHubToken = settings.GitHubToken };
        AuditReport report;
        try
        {
            report = await new RepositoryInspector(clock, Http).AuditAsync(request, ct);
        }
        catch (AuditInputException e)
        {
            return Problem(e.Field == "--remote" ? "remote" : "path", e.Problem);
        }
        var stored = await store.SaveAsync(report, ct);
        return TypedResults.Created($"/api/v1/audits/latest?repository={Uri.EscapeDataString(stored.Repository)}", AuditView.From(stored));
    }

    private static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
