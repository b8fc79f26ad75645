using Jiedan.Common.Web;
using Jiedan.Contract.Services;
using Jiedan.Contract.Tools;
using Jiedan.Domain.Contract;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiedan.Contract.Pages.Contract;

/// <summary>
/// A deal's contract: the latest requirement with its parity table, downloads and history, and the requirement.yml editor
/// (prefilled from the client's confirmed items when the deal has no requirement yet); errors at line:column.
/// </summary>
public sealed class ContractPageModel(DealContracts contracts, ConfirmedItems confirmed) : PageModel
{
    [BindProperty(SupportsGet = true)] public long DealId { get; set; }
    [BindProperty] public string Yaml { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int? Saved { get; set; }

    public DealContract? Current { get; private set; }
    public IReadOnlyList<RequirementVersion> History { get; private set; } = [];
    public bool PrefilledFromChat { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await contracts.DealExistsAsync(DealId, ct)) return NotFound();
        await LoadAsync(ct);
        if (Current is not null) Yaml = Current.Requirement.YamlText;
        else
        {
            var items = await confirmed.ForDealAsync(DealId, ct);
            PrefilledFromChat = items.Count > 0;
            Yaml = RequirementDraft.FromItems(DealId, items);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await contracts.DealExistsAsync(DealId, ct)) return NotFound();
        Yaml = Yaml.ReplaceLineEndings("\n");
        try
        {
            if (System.Text.Encoding.UTF8.GetByteCount(Yaml) > RequirementLimits.MaxBytes)
                throw new RequirementException(DealContracts.FileName, 1, 1, $"larger than {RequirementLimits.MaxBytes / 1024} KiB");
            var saved = await contracts.SaveAsync(DealId, Yaml, User.Actor(), ct);
            return Redirect($"/contract/{DealId}?saved={saved.Requirement.Number}");
        }
        catch (RequirementException e)
        {
            Error = $"{e.Line}:{e.Column}: {e.Problem}";
        }
        catch (ProtocException e)
        {
            Error = e.Message;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = await contracts.FindAsync(DealId, null, ct);
        History = await contracts.HistoryAsync(DealId, ct);
    }
}
