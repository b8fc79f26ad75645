using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Jiedan.Common.Web;
using Microsoft.AspNetCore.RateLimiting;

namespace Jiedan.Common.Web;

/// <summary>
/// Per-address limits on the endpoints anyone can reach: login and setup posts (each wrong password costs a PBKDF2
/// run) and the bot webhooks. Over the limit: 429 with Retry-After, problem+json or a readable page.
/// Configured as <c>RateLimits:{Login|LoginPerUser|Setup|Bots}:PermitLimit</c> and <c>:WindowSeconds</c>.
/// </summary>
public static class RateLimits
{
    public const string Login = "Login";
    public const string Setup = "Setup";
    public const string Bots = "Bots";
    public const string LoginPerUser = "LoginPerUser";

    public static RateLimitSettings Read(IConfiguration config, string name) => name switch
    {
        Login => RateLimitSettings.From(config, name, permits: 10, windowSeconds: 60),
        LoginPerUser => RateLimitSettings.From(config, name, permits: 20, windowSeconds: 300),
        Setup => RateLimitSettings.From(config, name, permits: 10, windowSeconds: 60),
        Bots => RateLimitSettings.From(config, name, permits: 600, windowSeconds: 60),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such rate limit"),
    };

    public static IServiceCollection AddJiedanRateLimiting(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(new LoginThrottle(Read(config, LoginPerUser)));
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Login, new PerAddressPolicy(Read(config, Login), unsafeMethodsOnly: true));
            o.AddPolicy(Setup, new PerAddressPolicy(Read(config, Setup), unsafeMethodsOnly: true));
            o.AddPolicy(Bots, new PerAddressPolicy(Read(config, Bots), unsafeMethodsOnly: false));
            o.OnRejected = (ctx, _) =>
                new(RejectAsync(ctx.HttpContext, ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null));
        });
        return services;
    }

    /// <summary>Answers 429: the login page's look for the dashboard, problem+json for everything else.</summary>
    public static async Task RejectAsync(HttpContext http, TimeSpan? retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((retryAfter ?? TimeSpan.FromMinutes(1)).TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (http.Request.Path.StartsWithSegments("/login", StringComparison.OrdinalIgnoreCase)
            || http.Request.Path.StartsWithSegments("/setup", StringComparison.OrdinalIgnoreCase))
        {
            var texts = http.RequestServices.GetRequiredService<Texts>();
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(ThrottledPage(texts, seconds), http.RequestAborted);
            return;
        }
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"try again in {seconds} s").ExecuteAsync(http);
    }

    private static string ThrottledPage(Texts texts, int seconds)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        return $"""
            <!DOCTYPE html>
            <html lang="{(Texts.IsChinese ? "zh-CN" : "en")}"><head><meta charset="utf-8" />
            <title>{E(texts["login.title"])} · {E(texts["app.name"])}</title><link rel="stylesheet" href="/assets/site.css" /></head>
            <body><main><div class="card login"><h1>{E(texts["login.title"])}</h1>
            <p class="error" role="alert">{E(texts.Format("login.throttled", seconds))}</p>
            <p><a href="/login">{E(texts["login.back"])}</a></p></div></main></body></html>
            """;
    }

    /// <summary>The client's address (the proxy's view of it only from a trusted proxy, see <see cref="TrustedProxies"/>).</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private sealed class PerAddressPolicy(RateLimitSettings settings, bool unsafeMethodsOnly) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

        public RateLimitPartition<string> GetPartition(HttpContext http) =>
            unsafeMethodsOnly && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetSlidingWindowLimiter(ClientAddress(http), _ => settings.SlidingWindow());
    }
}

public sealed record RateLimitSettings(int PermitLimit, TimeSpan Window)
{
    public static RateLimitSettings From(IConfiguration config, string name, int permits, int windowSeconds)
    {
        var section = config.GetSection($"RateLimits:{name}");
        var limit = section.GetValue("PermitLimit", permits);
        var window = section.GetValue("WindowSeconds", windowSeconds);
        if (limit < 1 || window < 1)
            throw new InvalidOperationException($"RateLimits:{name}: PermitLimit and WindowSeconds must be at least 1");
        return new RateLimitSettings(limit, TimeSpan.FromSeconds(window));
    }

    public SlidingWindowRateLimiterOptions SlidingWindow() => new()
    {
        PermitLimit = PermitLimit,
        Window = Window,
        SegmentsPerWindow = 6,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>Per-user login limit, taken in the login handler once the user name is known (the form is read by then).</summary>
public sealed class LoginThrottle(RateLimitSettings settings) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        user => RateLimitPartition.GetSlidingWindowLimiter(user, _ => settings.SlidingWindow()), StringComparer.Ordinal);

    /// <summary>Null when the attempt may go ahead, else how long to wait.</summary>
    public TimeSpan? TryAcquire(string userName)
    {
        var key = userName.Trim().ToLowerInvariant();
        using var lease = _limiter.AttemptAcquire(key.Length > 128 ? key[..128] : key);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : settings.Window;
    }

    public void Dispose() => _limiter.Dispose();
}
