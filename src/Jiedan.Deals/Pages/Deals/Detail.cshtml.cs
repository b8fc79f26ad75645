using Jiedan.Common.Web;
using Jiedan.Deals.Api;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Deals;
using Jiedan.Domain.Pipeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiedan.Deals.Pages.Deals;

/// <summary>
/// One deal: attributes (with an edit link and their history), its timeline with business days per stage, a move form, and
/// other capabilities' panels.
/// </summary>
public sealed class DealDetailModel(DealStore store, DealMoveForm moveForm, PipelineSettings settings,
    IEnumerable<IDealPanel> panels) : PageModel
{
    public DealRecord? Deal { get; private set; }
    public PipelineStages Stages => settings.Stages;
    public IReadOnlyDictionary<int, int> DaysInStage { get; private set; } = new Dictionary<int, int>();
    public IReadOnlyList<(IDealPanel Panel, object? Model)> Panels { get; private set; } = [];
    public IReadOnlyList<DealChangeRecord> Changes { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    [TempData] public bool MessageIsError { get; set; }

    public string StageLabel(string key) => settings.Stages.TryFind(key, out var s) ? s.Label(Texts.Language) : key;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Deal = await store.GetAsync(id, ct);
        if (Deal is null) return NotFound();
        DaysInStage = DealTimeline.Spans(DealWriter.ToDomain(Deal.Events), settings.Calendar)
            .Where(s => s.BusinessDays is not null).ToDictionary(s => s.Sequence, s => s.BusinessDays!.Value);
        Changes = await store.ChangesAsync(id, ct);
        var loaded = new List<(IDealPanel, object?)>();
        foreach (var panel in panels) loaded.Add((panel, await panel.LoadAsync(id, ct)));
        Panels = loaded;
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(long id, int version, string stage, string? reason, CancellationToken ct)
    {
        (Message, MessageIsError) = await moveForm.SubmitAsync(id, version, stage, reason, User.Actor(), ct);
        return RedirectToPage(new { id });
    }
}
