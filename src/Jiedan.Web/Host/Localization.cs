using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Jiedan.Web.Host;

/// <summary>English and Chinese; the choice is kept in a cookie, otherwise taken from the browser.</summary>
public static class Localization
{
    public static readonly CultureInfo[] Supported = [new("en"), new("zh-CN")];

    public static void UseJiedanLocalization(this WebApplication app)
    {
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = Supported,
            SupportedUICultures = Supported,
            FallBackToParentUICultures = true,
        });
        app.MapGet("/lang/{code}", (string code, string? returnUrl, HttpContext ctx, TimeProvider time) =>
        {
            var culture = code.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en";
            ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = time.GetUtcNow().AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax,
                    IsEssential = true });
            return Results.LocalRedirect(SafeLocalPath(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>The path itself when it stays on this site (ASP.NET Core's local-URL rule), else <c>/</c>.</summary>
    public static string SafeLocalPath(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl)
            ? url : "/";
}
