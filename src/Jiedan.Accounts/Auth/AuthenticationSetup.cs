using Jiedan.Accounts.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace Jiedan.Accounts.Auth;

/// <summary>
/// Cookie login for the dashboard, bearer API tokens for scripts; one policy scheme picks by the Authorization header.
/// API requests without credentials get 401 problem+json instead of a login redirect.
/// </summary>
public static class AuthenticationSetup
{
    private const string Smart = "Smart";

    public static IServiceCollection AddJiedanAuthentication(this IServiceCollection services)
    {
        // One key ring for every instance on the database (not ~/.aspnet per process), under one application name (not
        // the content root, which differs between installs): a cookie issued by one instance is accepted by all.
        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName).PersistKeysToDbContext<KeyRingDbContext>();
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, Smart, o => o.ForwardDefaultSelector = ctx => UsesApiToken(ctx.Request)
                ? ApiTokenAuthentication.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "jiedan.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // https directly or through a trusted proxy
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromDays(7);
                o.Events.OnValidatePrincipal = DashboardSessions.ValidateAsync;
                o.Events.OnRedirectToLogin = ctx => Deny(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => Deny(ctx, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.AddAuthorization();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "jiedan.csrf";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    /// <summary>
    /// A bearer header means an API token, except on the routes whose senders bring their own bearer secret, checked by
    /// the route itself (Alertmanager's receivers under <c>/alerts</c>): looking their secret up as an API token would
    /// cost a database query and log a failed login on every alert.
    /// </summary>
    public static bool UsesApiToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && !request.Path.StartsWithSegments(OwnBearerPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The data-protection application name: instances that share it (and the key ring) read each other's cookies.</summary>
    public const string DataProtectionApplicationName = "Jiedan";

    /// <summary>The routes that check their own bearer secret.</summary>
    public const string OwnBearerPrefix = "/alerts";

    private static Task Deny(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (!ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            ctx.Response.Redirect(ctx.RedirectUri);
            return Task.CompletedTask;
        }
        ctx.Response.StatusCode = status;
        return Results.Problem(statusCode: status, title: status == 401
            ? "Authentication required: log in or send 'Authorization: Bearer <token>'" : "Forbidden")
            .ExecuteAsync(ctx.HttpContext);
    }
}
