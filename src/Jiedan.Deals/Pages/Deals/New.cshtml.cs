using Jiedan.Common.Web;
using Jiedan.Deals.Api;
using Jiedan.Deals.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiedan.Deals.Pages.Deals;

public sealed class NewDealModel(DealStore store) : PageModel
{
    [BindProperty] public string? Client { get; set; }
    [BindProperty] public string? Platform { get; set; } = "Upwork";
    [BindProperty] public string? Category { get; set; } = "ApiService";
    [BindProperty] public string? Seniority { get; set; } = "Mid";
    [BindProperty] public decimal? Budget { get; set; }
    [BindProperty] public string? Currency { get; set; } = "USD";
    [BindProperty] public string? Tags { get; set; }
    [BindProperty] public string? Notes { get; set; }
    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = new CreateDealRequest(Client, Platform, Category, Seniority, Budget, Budget is null ? null : Currency,
            Tags?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Notes, null, null, null);
        var (draft, errors) = DealRequestValidation.ToDraft(request);
        foreach (var (field, messages) in errors) Errors[field] = messages[0];
        if (draft is null) return Page();
        var result = await store.CreateAsync(draft, null, null, User.Actor(), ct);
        if (result is MoveResult.Moved m) return Redirect($"/deals/{m.Deal.Id}");
        if (result is MoveResult.Rejected r) Errors[r.Field] = r.Reason;
        return Page();
    }
}
