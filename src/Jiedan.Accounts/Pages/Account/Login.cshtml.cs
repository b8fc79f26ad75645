using Jiedan.Accounts.Auth;
using Jiedan.Accounts.Storage;
using Jiedan.Common.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiedan.Accounts.Pages.Account;

public sealed partial class LoginModel(AccountService accounts, LoginThrottle throttle, Texts texts, ILogger<LoginModel> log) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (throttle.TryAcquire(UserName ?? "") is { } wait)
        {
            LogThrottled(log, UserName);
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Error = texts.Format("login.throttled", seconds);
            return Page();
        }
        var user = await accounts.VerifyPasswordAsync(UserName ?? "", Password ?? "", ct);
        if (user is null)
        {
            LogFailed(log, UserName);
            Error = texts["login.failed"];
            return Page();
        }
        await DashboardSessions.SignInAsync(HttpContext, accounts, user, ct);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/deals");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Login throttled for {UserName}")]
    private static partial void LogThrottled(ILogger log, string? userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed login for {UserName}")]
    private static partial void LogFailed(ILogger log, string? userName);
}
