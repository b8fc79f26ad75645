using Jiedan.Bot.Services;
using Jiedan.Common.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiedan.Bot.Pages.Bot;

/// <summary>The bot's dashboard: the human queue, conversations, confirmations and the outbox at a glance.</summary>
public sealed class BotIndexModel(BotDashboard dashboard, Texts texts) : PageModel
{
    public IReadOnlyList<BotDashboard.QueueRow> Queue { get; private set; } = [];
    public IReadOnlyList<BotDashboard.ConversationRow> Conversations { get; private set; } = [];
    public IReadOnlyList<BotDashboard.ConfirmationRow> Confirmations { get; private set; } = [];
    public (int Pending, int Sent, int Failed) Outbox { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Queue = await dashboard.HumanQueueAsync(includeHandled: false, ct);
        Conversations = await dashboard.ConversationsAsync(ct);
        Confirmations = await dashboard.ConfirmationsAsync(null, ct);
        Outbox = await dashboard.OutboxCountsAsync(ct);
    }

    public async Task<IActionResult> OnPostHandledAsync(long id, CancellationToken ct)
    {
        if (await dashboard.MarkHandledAsync(id, User.Actor(), ct)) Message = texts["bot.handledDone"];
        return RedirectToPage();
    }
}
