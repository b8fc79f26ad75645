using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Jiedan.Web.Host;

/// <summary>
/// <c>/metrics</c> with <c>Metrics:Token</c> set: only with <c>Authorization: Bearer &lt;token&gt;</c>. Without it: only
/// from loopback and not relayed by a proxy, so a Prometheus on the same machine scrapes and the internet does not.
/// </summary>
public static class MetricsAccess
{
    public const string TokenKey = "Metrics:Token";

    public static bool IsAllowed(HttpContext http, string? token)
    {
        if (!string.IsNullOrEmpty(token))
        {
            var header = http.Request.Headers.Authorization.ToString();
            return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()), Encoding.UTF8.GetBytes(token));
        }
        var relayed = http.Request.Headers.ContainsKey("X-Forwarded-For") || http.Request.Headers.ContainsKey("X-Original-For")
            || http.Request.Headers.ContainsKey("Forwarded");
        return !relayed && http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);
    }

    public static IApplicationBuilder UseMetricsAccess(this WebApplication app)
    {
        var token = app.Configuration[TokenKey];
        return app.UseWhen(http => http.Request.Path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase),
            branch => branch.Use(async (http, next) =>
        {
            if (IsAllowed(http, token)) { await next(http); return; }
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: "Metrics need 'Authorization: Bearer <Metrics:Token>' or a loopback client").ExecuteAsync(http);
        }));
    }
}
