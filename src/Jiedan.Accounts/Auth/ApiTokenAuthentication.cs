using System.Security.Claims;
using System.Text.Encodings.Web;
using Jiedan.Accounts.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Jiedan.Accounts.Auth;

/// <summary>Authenticates <c>Authorization: Bearer jd_…</c> API tokens (stored hashed) for scripts and the CLI.</summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AccountService accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var user = await accounts.FindByApiTokenAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (user is null) return AuthenticateResult.Fail("invalid or revoked API token");
        return AuthenticateResult.Success(new AuthenticationTicket(UserPrincipal.For(user, SchemeName), SchemeName));
    }
}

public static class UserPrincipal
{
    public static ClaimsPrincipal For(UserRecord user, string scheme, params Claim[] extra) =>
        new(new ClaimsIdentity([
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.UserName), new Claim(ClaimTypes.Role, user.Role), .. extra], scheme));
}
