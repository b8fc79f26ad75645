using Jiedan.Common.Web;
using Jiedan.Credibility.Demo;
using Jiedan.Credibility.Scoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiedan.Credibility.Pages.Credibility;

/// <summary>The deal panel's "score now" form: scores the three assets, records the estimate, back to the deal page.</summary>
public sealed class ScoreDealModel(DealCredibilityScoring scorer) : PageModel
{
    public long DealId { get; private set; }
    public string? Problem { get; private set; }

    public IActionResult OnGet(long id) => Redirect($"/deals/{id}");

    public async Task<IActionResult> OnPostAsync(long id, string? repository, string? demoUrl, CancellationToken ct)
    {
        try
        {
            if (await scorer.ScoreAsync(id, new DealScoringRequest(repository, demoUrl), Texts.IsChinese, ct) is null) return NotFound();
            return Redirect($"/deals/{id}#conversion-panel");
        }
        catch (DemoAddressException e)
        {
            (DealId, Problem) = (id, e.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
