using Jiedan.Common.Web;
using Jiedan.Incidents.Services;
using Jiedan.Incidents.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Incidents.Pages.Incidents;

/// <summary>One incident: its timeline, the suggested graph paths as a picture, and "what fixed it" (recorded as in the chat).</summary>
public sealed class IncidentDetailModel(IDbContextFactory<IncidentsDbContext> contexts, IncidentGraph graph, KnowledgeStore knowledge,
    Texts texts) : PageModel
{
    /// <summary>One moment of the timeline: its text key, when, and who or what (may be empty).</summary>
    public sealed record Moment(string Key, DateTime At, string Detail);

    public IncidentRecord Incident { get; private set; } = null!;
    public IReadOnlyList<MatchDto> Suggestions { get; private set; } = [];
    public IReadOnlyList<Moment> Timeline { get; private set; } = [];
    public string PathSvg { get; private set; } = "";
    [TempData] public string? Message { get; set; }
    [TempData] public bool MessageIsError { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is not { } incident) return NotFound();
        Incident = incident;
        Suggestions = MatchOutput.Stored(incident.MatchesJson);
        var paths = await graph.PathsAsync(incident.AlertName, Suggestions, ct);
        PathSvg = PathPicture.Render(paths, kind => texts["incidents.kind." + kind], texts["incidents.matched"]);
        Timeline = [.. new (string Key, DateTime? At, string Detail)[]
            {
                ("incidents.t.started", incident.StartsAtUtc, ""), ("incidents.t.received", incident.ReceivedAtUtc, ""),
                ("incidents.t.posted", incident.PostedAtUtc, ""),
                ("incidents.t.acknowledged", incident.AcknowledgedAtUtc, incident.AcknowledgedBy ?? ""),
                ("incidents.t.resolved", incident.ResolvedAtUtc, ""), ("incidents.t.asked", incident.FixAskedAtUtc, ""),
                ("incidents.t.fixed", incident.FixRecordedAtUtc, incident.FixedBy ?? ""),
            }
            .Where(m => m.At is not null && (m.Key != "incidents.t.asked" || incident.PostedAtUtc is not null))
            .Select(m => new Moment(m.Key, m.At!.Value, m.Detail)).OrderBy(m => m.At)];
        return Page();
    }

    /// <summary>Records which suggestion fixed it (the form names the entry's title), strengthening its path.</summary>
    public async Task<IActionResult> OnPostFixedAsync(long id, string? title, CancellationToken ct)
    {
        var ok = !string.IsNullOrWhiteSpace(title) && await knowledge.RecordFixAsync(id, title.Trim(), ct);
        (Message, MessageIsError) = ok ? (texts["incidents.fixRecorded"], false) : (texts["incidents.fixUnknown"], true);
        return RedirectToPage(new { id });
    }
}
