using System.Globalization;
using System.Security.Claims;
using Jiedan.Accounts.Auth;
using Jiedan.Accounts.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiedan.Accounts.Pages.Account;

/// <summary>The signed-in user's dashboard sessions: where they are logged in, and a way to end any of them.</summary>
public sealed class SessionsModel(AccountService accounts) : PageModel
{
    public IReadOnlyList<AccountService.SessionView> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Sessions = await accounts.ListSessionsAsync(UserId, CurrentSession, ct);

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct)
    {
        await accounts.RevokeSessionAsync(UserId, id, ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeOthersAsync(CancellationToken ct)
    {
        if (CurrentSession is { } current) await accounts.RevokeOtherSessionsAsync(UserId, current, ct);
        return RedirectToPage();
    }

    private long UserId => long.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);

    private string? CurrentSession => User.FindFirstValue(DashboardSessions.SessionClaim);
}
