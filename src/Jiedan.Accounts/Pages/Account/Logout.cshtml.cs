using Jiedan.Accounts.Auth;
using Jiedan.Accounts.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiedan.Accounts.Pages.Account;

public sealed class LogoutModel(AccountService accounts) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/deals");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await DashboardSessions.SignOutAsync(HttpContext, accounts, ct);
        return LocalRedirect("/login");
    }
}
