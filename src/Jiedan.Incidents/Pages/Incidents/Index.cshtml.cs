using Jiedan.Domain.Incidents;
using Jiedan.Incidents.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Incidents.Pages.Incidents;

/// <summary>The incidents received from Alertmanager, newest first, and MTTR per client, assisted versus not.</summary>
public sealed class IncidentsIndexModel(IDbContextFactory<IncidentsDbContext> contexts) : PageModel
{
    public const int Shown = 200;
    public IReadOnlyList<IncidentRecord> Incidents { get; private set; } = [];
    public IReadOnlyList<MttrRow> Mttr { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var received = db.Incidents.AsNoTracking().Where(i => i.Origin == IncidentStore.AlertmanagerOrigin);
        Incidents = await received.OrderByDescending(i => i.Id).Take(Shown).ToListAsync(ct);
        var resolved = await received.Where(i => i.ResolvedAtUtc != null)
            .Select(i => new { i.DealId, i.StartsAtUtc, i.ResolvedAtUtc, i.Confident }).ToListAsync(ct);
        Mttr = Domain.Incidents.Mttr.PerClient(
            resolved.Select(i => new ResolvedIncident(i.DealId, i.StartsAtUtc, i.ResolvedAtUtc!.Value, i.Confident)));
    }

    /// <summary>The best suggestion's title stored with the incident, or empty.</summary>
    public static string Best(IncidentRecord i)
    {
        if (i.MatchesJson is null) return "";
        using var doc = System.Text.Json.JsonDocument.Parse(i.MatchesJson);
        return doc.RootElement.GetArrayLength() > 0 && doc.RootElement[0].TryGetProperty("title", out var t) ? t.GetString() ?? "" : "";
    }
}
