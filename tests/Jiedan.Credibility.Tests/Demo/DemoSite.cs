using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jiedan.Credibility.Tests.Demo;

/// <summary>
/// A demo served by the test on 127.0.0.1 (Kestrel): <c>/</c> a fast page, <c>/errors</c> a page whose script logs
/// console.error and throws, <c>/slow</c> a page whose image answers after <see cref="ImageDelay"/> (so its load event
/// waits), <c>/broken</c> a 503; <c>/health</c> 200 only when the site has one.
/// </summary>
public sealed class DemoSite : IAsyncDisposable
{
    public static readonly TimeSpan ImageDelay = TimeSpan.FromSeconds(3.5);

    private static readonly byte[] Pixel = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private readonly WebApplication _app;

    private DemoSite(WebApplication app, string baseUrl) { _app = app; BaseUrl = baseUrl; }

    /// <summary>http://127.0.0.1:PORT (no trailing slash).</summary>
    public string BaseUrl { get; }
    public int HealthCalls => _healthCalls;
    private int _healthCalls;

    public static async Task<DemoSite> StartAsync(bool health)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        DemoSite? self = null;
        app.MapGet("/", () => Html("<h1>Fast demo</h1><p>Everything is here at once.</p>"));
        app.MapGet("/errors", () => Html("<h1>Broken widget</h1>"
            + "<script>console.error('widget failed: ' + 'x'.repeat(500)); throw new Error('kaput');</script>"));
        app.MapGet("/slow", () => Html("<h1>Slow demo</h1><img src=\"/slow.png\" alt=\"\">"));
        app.MapGet("/slow.png", async (CancellationToken ct) =>
        {
            try { await Task.Delay(ImageDelay, ct); } catch (OperationCanceledException) { return Results.Empty; }
            return Results.Bytes(Pixel, "image/png");
        });
        app.MapGet("/broken", () => Results.Text("down", statusCode: 503));
        if (health)
            app.MapGet("/health", () =>
            {
                Interlocked.Increment(ref self!._healthCalls);
                return Results.Text("{\"status\":\"ok\"}", "application/json");
            });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new DemoSite(app, address.TrimEnd('/'));
        return self;
    }

    private static IResult Html(string body) =>
        Results.Content("<!doctype html><html><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\">"
            + $"<title>demo</title></head><body>{body}</body></html>", "text/html; charset=utf-8");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
