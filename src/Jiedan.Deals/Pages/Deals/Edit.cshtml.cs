using Jiedan.Common.Web;
using Jiedan.Deals.Api;
using Jiedan.Deals.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiedan.Deals.Pages.Deals;

/// <summary>Edits a deal's attributes; every changed field lands in the deal's history. An empty budget clears it.</summary>
public sealed class EditDealModel(DealStore store, Texts texts) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Client { get; set; }
    [BindProperty] public string? Platform { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Seniority { get; set; }
    [BindProperty] public decimal? Budget { get; set; }
    [BindProperty] public string? Currency { get; set; }
    [BindProperty] public string? Tags { get; set; }
    [BindProperty] public string? Notes { get; set; }
    /// <summary>The first problem of each field, keyed by the API's field names.</summary>
    public Dictionary<string, string> Errors { get; } = [];
    public string? Message { get; private set; }
    /// <summary>The deal page's one-line notice after a save (its TempData).</summary>
    [TempData(Key = "Message")] public string? Notice { get; set; }
    [TempData(Key = "MessageIsError")] public bool NoticeIsError { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var deal = await store.GetAsync(Id, ct);
        if (deal is null) return NotFound();
        Fill(deal);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = new UpdateDealRequest
        {
            Client = Client ?? "", Platform = Platform ?? "", Category = Category ?? "", Seniority = Seniority ?? "",
            Budget = Budget, Currency = Budget is null ? null : Currency,
            Tags = Tags?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
            Notes = Notes, Version = Version,
        };
        switch (await store.UpdateAsync(Id, Version, request.ApplyTo, User.Actor(), ct))
        {
            case UpdateResult.Updated u:
                (Notice, NoticeIsError) = (u.Changes.Count == 0 ? texts["deals.unchanged"] : texts.Format("deals.saved", u.Changes.Count),
                    false);
                return Redirect($"/deals/{Id}");
            case UpdateResult.Stale s:
                Message = texts.Format("deals.stale", s.CurrentVersion);
                Version = s.CurrentVersion;
                return Page();
            case UpdateResult.Invalid i:
                foreach (var (field, messages) in i.Errors) Errors[field] = messages[0];
                return Page();
            default:
                return NotFound();
        }
    }

    private void Fill(DealRecord deal)
    {
        (Version, Client, Platform, Category, Seniority) = (deal.Version, deal.Client, deal.Platform, deal.Category, deal.Seniority);
        (Budget, Currency) = (deal.BudgetAmount, deal.BudgetCurrency ?? "USD");
        (Tags, Notes) = (deal.Tags.Replace(",", ", ", StringComparison.Ordinal), deal.Notes);
    }
}
