using Jiedan.Gate.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiedan.Gate.Pages.Gate;

/// <summary>The delivery gate across deals: the newest runs first, each with its verdict, its deal and its reports.</summary>
public sealed class GateRunsModel(GateRunStore store) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<(GateRunSummary Run, string? Client)> Runs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Runs = await store.RecentAsync(Shown, ct);
}
