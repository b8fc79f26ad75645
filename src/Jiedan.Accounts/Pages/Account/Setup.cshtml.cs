using Jiedan.Accounts.Auth;
using Jiedan.Accounts.Storage;
using Jiedan.Common.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiedan.Accounts.Pages.Account;

public sealed class SetupModel(AccountService accounts, Texts texts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Confirm { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Password != Confirm)
        {
            Error = texts["setup.mismatch"];
            return Page();
        }
        var (user, error) = await accounts.CompleteSetupAsync(Token ?? "", Password ?? "", ct);
        if (user is null)
        {
            Error = error;
            return Page();
        }
        await DashboardSessions.SignInAsync(HttpContext, accounts, user, ct);
        return LocalRedirect("/deals");
    }
}
