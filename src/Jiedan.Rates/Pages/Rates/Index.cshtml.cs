using Jiedan.Common.Web;
using Jiedan.Domain.Rates;
using Jiedan.Rates.Api;
using Jiedan.Rates.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiedan.Rates.Pages.Rates;

public sealed class RatesModel(MarketRateStore store, Texts texts) : PageModel
{
    public IReadOnlyList<MarketRate> Rates { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    [TempData] public bool MessageIsError { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Rates = (await store.LoadAsync(ct)).All.OrderBy(r => r.Platform).ThenBy(r => r.Band).ToList();

    public async Task<IActionResult> OnPostAsync(string platform, string band, decimal? low, decimal? high, string? currency,
        CancellationToken ct)
    {
        var (rate, errors) = RatesApi.Validate(platform, band, low, high, currency);
        if (rate is null) (Message, MessageIsError) = (ValidationErrors.Describe(errors), true);
        else
        {
            await store.SaveAsync(rate, ct);
            (Message, MessageIsError) = (texts["rates.saved"], false);
        }
        return RedirectToPage();
    }
}
