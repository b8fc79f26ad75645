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
    /// <summary>More rows than any sensible requirement has; the reader's own limits still apply on save.</summary>
    private const int RowLimit = 200;

    [BindProperty(SupportsGet = true)] public long DealId { get; set; }
    [BindProperty] public string Yaml { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int? Saved { get; set; }
    [BindProperty] public RequirementForm Form { get; set; } = new();

    public DealContract? Current { get; private set; }
    public IReadOnlyList<RequirementVersion> History { get; private set; } = [];
    public bool PrefilledFromChat { get; private set; }
    public string? Error { get; private set; }
    public string? FormError { get; private set; }
    public IReadOnlyList<string> NotInForm { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await contracts.DealExistsAsync(DealId, ct)) return NotFound();
        await LoadAsync(ct);
        var prefill = await PrefillAsync(ct);
        Yaml = prefill;
        FillForm(prefill);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await contracts.DealExistsAsync(DealId, ct)) return NotFound();
        Yaml = Yaml.ReplaceLineEndings("\n");
        if (await TrySaveAsync(Yaml, ct) is { } saved) return saved;
        Error = FormError;
        FormError = null;
        await LoadAsync(ct);
        FillForm(await PrefillAsync(ct));
        return Page();
    }

    /// <summary>Saves the structured editor: its YAML goes through the same reader and store as the textarea's.</summary>
    public async Task<IActionResult> OnPostFormAsync(CancellationToken ct)
    {
        if (!await contracts.DealExistsAsync(DealId, ct)) return NotFound();
        var yaml = RequirementFormYaml.ToYaml(Form);
        if (await TrySaveAsync(yaml, ct) is { } saved) return saved;
        await LoadAsync(ct);
        Yaml = yaml;
        return Page();
    }

    public Task<IActionResult> OnPostAddFieldAsync(int entity, CancellationToken ct) => RedisplayAsync(() =>
    {
        if (entity >= 0 && entity < Form.Entities.Count && Form.Entities[entity].Fields.Count < RowLimit)
            Form.Entities[entity].Fields.Add(new FieldForm());
    }, ct);

    public Task<IActionResult> OnPostAddEntityAsync(CancellationToken ct) => RedisplayAsync(() =>
    {
        if (Form.Entities.Count < RowLimit) Form.Entities.Add(new EntityForm { Fields = [new FieldForm()] });
    }, ct);

    private async Task<IActionResult> RedisplayAsync(Action change, CancellationToken ct)
    {
        if (!await contracts.DealExistsAsync(DealId, ct)) return NotFound();
        change();
        ModelState.Clear();
        await LoadAsync(ct);
        Yaml = await PrefillAsync(ct);
        return Page();
    }

    private async Task<IActionResult?> TrySaveAsync(string yaml, CancellationToken ct)
    {
        try
        {
            if (System.Text.Encoding.UTF8.GetByteCount(yaml) > RequirementLimits.MaxBytes)
                throw new RequirementException(DealContracts.FileName, 1, 1, $"larger than {RequirementLimits.MaxBytes / 1024} KiB");
            var saved = await contracts.SaveAsync(DealId, yaml, User.Actor(), ct);
            return Redirect($"/contract/{DealId}?saved={saved.Requirement.Number}");
        }
        catch (RequirementException e)
        {
            FormError = $"{e.Line}:{e.Column}: {e.Problem}";
        }
        catch (ProtocException e)
        {
            FormError = e.Message;
        }
        return null;
    }

    /// <summary>The latest stored requirement, or a draft from the client's confirmed items when there is none.</summary>
    private async Task<string> PrefillAsync(CancellationToken ct)
    {
        if (Current is not null) return Current.Requirement.YamlText;
        var items = await confirmed.ForDealAsync(DealId, ct);
        PrefilledFromChat = items.Count > 0;
        return RequirementDraft.FromItems(DealId, items);
    }

    private void FillForm(string yaml)
    {
        var document = RequirementReader.Read(yaml, DealContracts.FileName);
        Form = RequirementFormYaml.FromDocument(document);
        NotInForm = RequirementFormYaml.NotInForm(document);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = await contracts.FindAsync(DealId, null, ct);
        History = await contracts.HistoryAsync(DealId, ct);
    }
}
