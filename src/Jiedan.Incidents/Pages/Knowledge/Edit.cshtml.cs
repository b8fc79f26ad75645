using Jiedan.Common.Web;
using Jiedan.Domain.Incidents;
using Jiedan.Incidents.Pages.Incidents;
using Jiedan.Incidents.Services;
using Jiedan.Incidents.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiedan.Incidents.Pages.Knowledge;

/// <summary>
/// Adds or edits one entry of the knowledge graph (its path symptom → component → configuration item → patch → fix and
/// what a person reads), shows the path as stored with its weights, and deletes it.
/// </summary>
public sealed class KnowledgeEditModel(KnowledgeEditor editor, KnowledgeBase knowledge, IncidentGraph graph, Texts texts)
    : PageModel
{
    [BindProperty] public KnowledgeEntryForm Form { get; set; } = new();
    public long? Id { get; private set; }
    public string Source { get; private set; } = KnowledgeEntryForm.DashboardSource;
    public string PathSvg { get; private set; } = "";
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    [TempData] public string? Message { get; set; }

    /// <summary>A form field the page draws in a loop: its name (the form's property) and how to read it.</summary>
    public sealed record Field(string Name, Func<KnowledgeEntryForm, string> Value);

    public static readonly Field[] LineFields = [new(nameof(KnowledgeEntryForm.Component), f => f.Component),
        new(nameof(KnowledgeEntryForm.ConfigurationItem), f => f.ConfigurationItem), new(nameof(KnowledgeEntryForm.Patch), f => f.Patch)];
    public static readonly Field[] ListFields = [new(nameof(KnowledgeEntryForm.AlertNames), f => f.AlertNames),
        new(nameof(KnowledgeEntryForm.Matchers), f => f.Matchers), new(nameof(KnowledgeEntryForm.Keywords), f => f.Keywords)];
    public static readonly Field[] TextFields = [new(nameof(KnowledgeEntryForm.Meaning), f => f.Meaning),
        new(nameof(KnowledgeEntryForm.Impact), f => f.Impact), new(nameof(KnowledgeEntryForm.Diagnosis), f => f.Diagnosis),
        new(nameof(KnowledgeEntryForm.Mitigation), f => f.Mitigation), new(nameof(KnowledgeEntryForm.Rollback), f => f.Rollback)];

    /// <summary>The route's id: "new", or an entry's number (anything else is not found).</summary>
    private static bool TryRoute(string id, out long? number)
    {
        number = long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n : null;
        return number is not null || id == "new";
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!TryRoute(id, out var number)) return NotFound();
        if (number is null) return Page();
        if (await editor.FindAsync(number.Value, ct) is not { } entry) return NotFound();
        Form = KnowledgeEntryForm.Of(entry);
        await ShowAsync(number.Value, entry, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct) =>
        TryRoute(id, out var number) ? await SaveAsync(number, ct) : NotFound();

    private async Task<IActionResult> SaveAsync(long? id, CancellationToken ct)
    {
        var (entry, errors) = Form.Read();
        if (entry is not null)
        {
            var (outcome, saved) = await editor.SaveAsync(id, entry, ct);
            if (outcome == KnowledgeEditor.Outcome.NotFound) return NotFound();
            if (outcome == KnowledgeEditor.Outcome.Saved)
            {
                await knowledge.RefreshAsync(ct);
                Message = texts["kb.saved"];
                return Redirect($"/knowledge/{saved}");
            }
            errors = new Dictionary<string, string> { [nameof(Form.Title)] = texts["kb.titleTaken"] };
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Errors = errors;
        if (id is { } known && await editor.FindAsync(known, ct) is { } stored) await ShowAsync(known, stored, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        if (!await editor.DeleteAsync(id, ct)) return NotFound();
        await knowledge.RefreshAsync(ct);
        Message = texts["kb.deleted"];
        return Redirect("/knowledge");
    }

    private async Task ShowAsync(long id, KnowledgeEntry entry, CancellationToken ct)
    {
        Id = id;
        Source = entry.Source;
        var self = new MatchDto(entry.Title, entry.Source, 1, entry.Path, []);
        var paths = await graph.PathsAsync(entry.AlertNames.Count > 0 ? entry.AlertNames[0] : entry.Title, [self], ct);
        PathSvg = PathPicture.Render(paths, kind => texts["incidents.kind." + kind], texts["incidents.matched"]);
    }
}
