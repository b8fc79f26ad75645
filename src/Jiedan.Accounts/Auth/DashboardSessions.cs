using System.Globalization;
using System.Security.Claims;
using Jiedan.Accounts.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Jiedan.Accounts.Auth;

/// <summary>
/// Cookie logins backed by a server-side session (<see cref="AccountService.StartSessionAsync"/>): the cookie names
/// its session, and a revoked session (logout, new password) no longer authenticates, whatever the cookie's expiry.
/// </summary>
public static class DashboardSessions
{
    public const string SessionClaim = "jiedan:session";
    private const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public static async Task SignInAsync(HttpContext http, AccountService accounts, UserRecord user, CancellationToken ct)
    {
        var session = await accounts.StartSessionAsync(user.Id, http.Request.Headers.UserAgent.ToString(), ct);
        await http.SignInAsync(Scheme, UserPrincipal.For(user, Scheme, new Claim(SessionClaim, session)));
    }

    public static async Task SignOutAsync(HttpContext http, AccountService accounts, CancellationToken ct)
    {
        if (http.User.FindFirstValue(SessionClaim) is { } session) await accounts.RevokeSessionAsync(session, ct);
        await http.SignOutAsync(Scheme);
    }

    /// <summary>Cookie validation: the session must exist and be unrevoked (cached briefly, see <see cref="SessionCache"/>).</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var session = principal?.FindFirstValue(SessionClaim);
        var active = session is not null
            && long.TryParse(principal!.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var userId)
            && await context.HttpContext.RequestServices.GetRequiredService<AccountService>()
                .IsSessionActiveAsync(session, userId, context.HttpContext.RequestAborted);
        if (active) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }
}
