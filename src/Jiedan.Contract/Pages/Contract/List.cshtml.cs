using Jiedan.Contract.Services;
using Jiedan.Contract.Tools;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Contract;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Contract.Pages.Contract;

/// <summary>
/// Deals with a contract: the latest requirement version of each, its parity (regenerated and proved as the contract page
/// does, so a page is kept short), and links to the contract page and to the deal page with its scaffold download.
/// </summary>
public sealed class ContractListModel(RequirementStore store, ContractBuilder builder, DealsDbContext deals) : PageModel
{
    public const int PageSize = 20;

    public enum ParityState { Complete, Differences, Unchecked }

    public sealed record Row(RequirementVersion Latest, string? Client, ParityState Parity, string? Problem);

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public bool HasNext => PageNumber * PageSize < Total;

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        Total = await store.DealsWithRequirementAsync(ct);
        var latest = await store.LatestPerDealAsync((PageNumber - 1) * PageSize, PageSize, ct);
        var ids = latest.Select(l => l.DealId).ToList();
        var clients = await deals.Deals.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Client })
            .ToDictionaryAsync(d => d.Id, d => d.Client, ct);
        var rows = new List<Row>();
        foreach (var version in latest)
        {
            var (parity, problem) = await ParityAsync(version, ct);
            rows.Add(new Row(version, clients.GetValueOrDefault(version.DealId), parity, problem));
        }
        Rows = rows;
    }

    private async Task<(ParityState, string?)> ParityAsync(RequirementVersion version, CancellationToken ct)
    {
        try
        {
            var result = await builder.BuildAsync(version.YamlText, DealContracts.FileName, ct);
            return result.Parity.Complete ? (ParityState.Complete, null) : (ParityState.Differences, null);
        }
        catch (RequirementException e)
        {
            return (ParityState.Unchecked, $"{e.Line}:{e.Column}: {e.Problem}");
        }
        catch (ProtocException e)
        {
            return (ParityState.Unchecked, e.Message);
        }
    }
}
