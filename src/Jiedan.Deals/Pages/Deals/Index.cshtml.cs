using Jiedan.Common.Web;
using Jiedan.Deals.Api;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Pipeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Deals.Pages.Deals;

/// <summary>The pipeline board: a column per stage (and Lost), a move form on every open deal.</summary>
public sealed class BoardModel(DealsDbContext db, DealMoveForm moveForm, PipelineSettings settings) : PageModel
{
    private const int PerColumn = 40;

    public sealed record Column(Stage Stage, IReadOnlyList<DealRecord> Deals, int Total);

    public PipelineStages Stages => settings.Stages;
    public IReadOnlyList<Column> Columns { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    [TempData] public bool MessageIsError { get; set; }

    public IEnumerable<Stage> NextStages(string current) =>
        settings.Stages.Ordered.Skip(settings.Stages.IndexOf(current) + 1).Append(PipelineStages.Lost);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var counts = await db.Deals.GroupBy(d => d.Stage).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var columns = new List<Column>();
        foreach (var stage in settings.Stages.Ordered.Append(PipelineStages.Lost))
        {
            var deals = await db.Deals.AsNoTracking().Where(d => d.Stage == stage.Key).OrderByDescending(d => d.StageEnteredAt)
                .ThenByDescending(d => d.Id).Take(PerColumn).ToListAsync(ct);
            columns.Add(new Column(stage, deals, counts.GetValueOrDefault(stage.Key)));
        }
        Columns = columns;
    }

    public async Task<IActionResult> OnPostMoveAsync(long id, int version, string stage, string? reason, CancellationToken ct)
    {
        (Message, MessageIsError) = await moveForm.SubmitAsync(id, version, stage, reason, User.Actor(), ct);
        return RedirectToPage();
    }
}
