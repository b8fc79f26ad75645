using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Jiedan.Web.Host;

/// <summary>
/// Two rules for <c>/api</c> requests that change something. A browser's cookie counts only from Jiedan's own pages:
/// <c>Sec-Fetch-Site: same-origin</c>, an <c>Origin</c> equal to this host, or a valid antiforgery token, else 403
/// (Bearer tokens are not sent by browsers on their own, so they pass). And a body must have one of the content types
/// its endpoint declares, else 415.
/// </summary>
public static class ApiWriteGuard
{
    public static IApplicationBuilder UseApiWriteGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || IsSafe(http.Request.Method))
        {
            await next(http);
            return;
        }
        if (IsCookieAuthenticated(http) && !IsSameOrigin(http.Request) && !await HasAntiforgeryTokenAsync(http))
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused",
                detail: "a dashboard cookie is accepted only from Jiedan's own pages; scripts use 'Authorization: Bearer <token>'")
                .ExecuteAsync(http);
            return;
        }
        if (UndeclaredContentType(http) is { } declared)
        {
            await Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: $"send the body as {string.Join(" or ", declared)}").ExecuteAsync(http);
            return;
        }
        await next(http);
    });

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    private static bool IsCookieAuthenticated(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme };

    public static bool IsSameOrigin(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0) return fetchSite is "same-origin" or "none";
        var origin = request.Headers.Origin.ToString();
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<bool> HasAntiforgeryTokenAsync(HttpContext http)
    {
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        try { return await antiforgery.IsRequestValidAsync(http); }
        catch (Exception e) when (e is InvalidOperationException or AntiforgeryValidationException) { return false; }
    }

    /// <summary>The endpoint's declared content types if the request's is not among them; else (or none declared) null.</summary>
    private static List<string>? UndeclaredContentType(HttpContext http)
    {
        var declared = http.GetEndpoint()?.Metadata.GetOrderedMetadata<IAcceptsMetadata>().SelectMany(m => m.ContentTypes).ToList();
        if (declared is null || declared.Count == 0) return null;
        var request = http.Request;
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0 || request.ContentType is not null;
        if (!hasBody) return null;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var actual)) return declared;
        return declared.Any(d => MediaTypeHeaderValue.TryParse(d, out var allowed) && actual.IsSubsetOf(allowed)) ? null : declared;
    }
}
