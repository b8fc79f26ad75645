using System.Globalization;
using Jiedan.Common.Web;
using Jiedan.Domain.Incidents;
using Jiedan.Incidents.Storage;
using Jiedan.Reporting.Charts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Incidents.Pages.Incidents;

/// <summary>The incidents received from Alertmanager, newest first, and MTTR per client, assisted versus not, with a chart.</summary>
public sealed class IncidentsIndexModel(IDbContextFactory<IncidentsDbContext> contexts, Texts texts) : PageModel
{
    public const int Shown = 200;
    public IReadOnlyList<IncidentRecord> Incidents { get; private set; } = [];
    public IReadOnlyList<MttrRow> Mttr { get; private set; } = [];
    public string MttrSvg { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var received = db.Incidents.AsNoTracking().Where(i => i.Origin == IncidentStore.AlertmanagerOrigin);
        Incidents = await received.OrderByDescending(i => i.Id).Take(Shown).ToListAsync(ct);
        var resolved = await received.Where(i => i.ResolvedAtUtc != null)
            .Select(i => new { i.DealId, i.StartsAtUtc, i.ResolvedAtUtc, i.Confident, i.AcknowledgedAtUtc }).ToListAsync(ct);
        Mttr = Domain.Incidents.Mttr.PerClient(resolved.Select(i => new ResolvedIncident(i.DealId, i.StartsAtUtc, i.ResolvedAtUtc!.Value,
            i.Confident) { AcknowledgedAtUtc = i.AcknowledgedAtUtc }));
        if (Mttr.Count > 0) MttrSvg = ChartRenderer.Svg(MttrChart(Mttr, texts), 720, 360);
    }

    /// <summary>Minutes to resolve per client: from the alert's start and from the acknowledgement, assisted and not.</summary>
    public static ChartSpec MttrChart(IReadOnlyList<MttrRow> rows, Texts texts)
    {
        static double Or0(double? v) => Math.Round(v ?? 0, 1);
        return new ChartSpec(ChartKind.GroupedBar, texts["incidents.mttr"],
            [.. rows.Select(r => r.DealId is { } d ? texts["incidents.deal"] + " " + d.ToString(CultureInfo.InvariantCulture) : "—")],
            [
                new(texts["incidents.series.assisted"], [.. rows.Select(r => Or0(r.AssistedMinutes))]),
                new(texts["incidents.series.unassisted"], [.. rows.Select(r => Or0(r.UnassistedMinutes))]),
                new(texts["incidents.series.assistedAck"], [.. rows.Select(r => Or0(r.AssistedFromAckMinutes))]),
                new(texts["incidents.series.unassistedAck"], [.. rows.Select(r => Or0(r.UnassistedFromAckMinutes))]),
            ]) { YAxisLabel = texts["incidents.minutes"] };
    }

    /// <summary>The best suggestion's title stored with the incident, or empty.</summary>
    public static string Best(IncidentRecord i) => Services.MatchOutput.Stored(i.MatchesJson) is [var best, ..] ? best.Title : "";
}
