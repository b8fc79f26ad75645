using System.Text.RegularExpressions;
using Jiedan.Domain.Credibility.Trust;
using Jiedan.Gate.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Credibility.Storage;

/// <summary>What the owner asks to publish: the gate project, the page's slug and title, the repository for CI figures.</summary>
public sealed record TrustPageRequest(string? Project, string? Title, string? Repository);

/// <summary>Publishes, lists and withdraws trust pages. Publishing validates every field and needs a gate run of the project.</summary>
public sealed partial class TrustPageStore(TrustDbContext trust, GateRunStore gate, TimeProvider clock)
{
    public const int MaxTitleLength = 120;
    public const int MaxRepositoryLength = 200;

    public Task<List<TrustPageRecord>> ListAsync(CancellationToken ct) =>
        trust.Pages.AsNoTracking().OrderBy(p => p.Slug).ToListAsync(ct);

    public Task<TrustPageRecord?> FindAsync(string slug, CancellationToken ct) =>
        trust.Pages.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, ct);

    /// <summary>Creates or replaces the page at <paramref name="slug"/>; the errors name the field, and nothing is stored then.</summary>
    public async Task<(TrustPageRecord? Page, Dictionary<string, string[]> Errors)> PublishAsync(string slug, TrustPageRequest request,
        CancellationToken ct)
    {
        var errors = Validate(slug, request);
        if (errors.Count == 0 && !await gate.ProjectHasRunsAsync(request.Project!, ct))
            errors["project"] = [$"no gate run of project '{request.Project}' (run 'jiedan gate DIR --deal ID' first)"];
        if (errors.Count > 0) return (null, errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var page = await trust.Pages.SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (page is null)
        {
            page = new TrustPageRecord { Slug = slug, Project = "", Title = "", CreatedAtUtc = now };
            trust.Pages.Add(page);
        }
        page.Project = request.Project!;
        page.Title = request.Title!.Trim();
        page.Repository = string.IsNullOrWhiteSpace(request.Repository) ? null : request.Repository.Trim();
        page.UpdatedAtUtc = now;
        await trust.SaveChangesAsync(ct);
        return (page, errors);
    }

    /// <summary>Withdraws the page; false when there was none.</summary>
    public async Task<bool> UnpublishAsync(string slug, CancellationToken ct) =>
        await trust.Pages.Where(p => p.Slug == slug).ExecuteDeleteAsync(ct) > 0;

    public static Dictionary<string, string[]> Validate(string slug, TrustPageRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!TrustSlug.IsValid(slug)) errors["slug"] = [$"slug must be {TrustSlug.Rule}"];
        if (string.IsNullOrWhiteSpace(request.Project) || request.Project.Length > 500)
            errors["project"] = ["project is required: the folder name of the gate runs to show (at most 500 characters)"];
        var title = request.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > MaxTitleLength || title.Any(char.IsControl))
            errors["title"] = [$"title is required, one line of at most {MaxTitleLength} characters"];
        if (!string.IsNullOrWhiteSpace(request.Repository) && !RepositoryPattern().IsMatch(request.Repository.Trim()))
            errors["repository"] = ["repository must look like host/owner/repo, e.g. github.com/you/orders"];
        return errors;
    }

    [GeneratedRegex(@"^[A-Za-z0-9.-]{1,100}/[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryPattern();
}
