using System.Reflection;
using Jiedan.Common.Storage;
using Jiedan.Deals.Storage;

namespace Jiedan.Web.Host;

/// <summary><c>/health</c>: status, version, UTC time and whether the database answers (503 when it does not).</summary>
public static class HealthEndpoint
{
    public static readonly string Version =
        typeof(HealthEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? "0.0.0";

    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (DealsDbContext db, DatabaseTarget target, TimeProvider clock, CancellationToken ct) =>
    {
        bool reachable;
        try { reachable = await db.Database.CanConnectAsync(ct); }
        catch (Exception) { reachable = false; }
        var body = new
        {
            status = reachable ? "ok" : "degraded",
            version = Version,
            timestampUtc = clock.GetUtcNow()
                .UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            database = new { provider = target.Provider.ToString(), reachable },
        };
        return Results.Json(body, statusCode: reachable ? 200 : 503);
    }).AllowAnonymous().ExcludeFromDescription();
}
