using System.Text;
using Jiedan.Bot.Services;
using Jiedan.Bot.Storage;
using Jiedan.Common.Web;
using Jiedan.Deals.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Bot.Pages.Bot;

/// <summary>One confirmation: its items, its evidence log with the exact texts, the deal link and the exports.</summary>
public sealed class BotConfirmationModel(BotDashboard dashboard, DealsDbContext deals, Texts texts) : PageModel
{
    public BotDashboard.ConfirmationDetail? Detail { get; private set; }
    public IReadOnlyList<Jiedan.Domain.Bot.RequirementItem> Items { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    [TempData] public bool MessageIsError { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Detail = await dashboard.ConfirmationAsync(id, ct);
        if (Detail is null) return NotFound();
        Items = ConfirmationMapping.Items(Detail.Confirmation);
        return Page();
    }

    public async Task<IActionResult> OnGetJsonAsync(long id, CancellationToken ct) =>
        await dashboard.ConfirmationAsync(id, ct) is { } d
            ? File(Encoding.UTF8.GetBytes(BotEvidence.ToJson(d)), "application/json", $"confirmation-{id}-evidence.json")
            : NotFound();

    public async Task<IActionResult> OnGetMarkdownAsync(long id, CancellationToken ct) =>
        await dashboard.ConfirmationAsync(id, ct) is { } d
            ? File(Encoding.UTF8.GetBytes(BotEvidence.ToMarkdown(d)), "text/markdown; charset=utf-8", $"confirmation-{id}-evidence.md")
            : NotFound();

    public async Task<IActionResult> OnPostLinkAsync(long id, long? dealId, CancellationToken ct)
    {
        if (dealId is { } deal && !await deals.Deals.AnyAsync(d => d.Id == deal, ct))
        {
            (Message, MessageIsError) = (texts["bot.dealMissing"], true);
            return RedirectToPage(new { id });
        }
        if (!await dashboard.LinkDealAsync(id, dealId, ct)) return NotFound();
        Message = texts[dealId is null ? "bot.dealUnlinked" : "bot.dealLinked"];
        return RedirectToPage(new { id });
    }
}
