using Jiedan.Common.Web;
using Jiedan.Credibility.Storage;
using Jiedan.Gate.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiedan.Credibility.Pages.Credibility;

/// <summary>The owner's list of trust pages: publish a gate project under a slug, or withdraw a page.</summary>
public sealed class TrustModel(TrustPageStore pages, GateRunStore gate, Texts texts) : PageModel
{
    public IReadOnlyList<TrustPageRecord> Pages { get; private set; } = [];
    public IReadOnlyList<(string Project, int Runs)> Projects { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    [TempData] public bool MessageIsError { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Pages = await pages.ListAsync(ct);
        Projects = await gate.ProjectsAsync(ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(string? slug, string? project, string? title, string? repository,
        CancellationToken ct)
    {
        var (page, errors) = await pages.PublishAsync(slug?.Trim() ?? "", new TrustPageRequest(project, title, repository), ct);
        (Message, MessageIsError) = page is null
            ? (ValidationErrors.Describe(errors), true)
            : (texts.Format("trust.published", "/trust/" + page.Slug), false);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnpublishAsync(string? slug, CancellationToken ct)
    {
        var removed = slug is not null && await pages.UnpublishAsync(slug, ct);
        (Message, MessageIsError) = removed ? (texts["trust.unpublished"], false) : (texts["trust.notFound"], true);
        return RedirectToPage();
    }
}
