using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Jiedan.Accounts.Auth;
using Jiedan.Accounts.Storage;
using Jiedan.Common.Modules;
using Jiedan.Common.Storage;
using Jiedan.Common.Web;
using Jiedan.Deals.Storage;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.WebEncoders;
using Prometheus;

namespace Jiedan.Web.Host;

/// <summary>Builds the one ASP.NET Core process: dashboard, REST API, webhooks, /health and /metrics.</summary>
public static class JiedanApp
{
    public static WebApplication Build(JiedanAppOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = options.EnvironmentName,
            ContentRootPath = options.ContentRoot ?? AppContext.BaseDirectory,
            ApplicationName = typeof(JiedanApp).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Configuration.AddInMemoryCollection(options.Settings);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(options.Database);
        services.AddSingleton(TimeProvider.System);
        var modules = JiedanModules.All;
        services.AddSingleton(modules);
        foreach (var module in modules) module.AddData(services, options.Database, builder.Configuration);
        foreach (var module in modules) module.AddWeb(services, builder.Configuration);
        services.AddJiedanAuthentication();
        services.AddJiedanRateLimiting(builder.Configuration);
        services.AddSingleton(JiedanModules.Texts());
        // Chinese text goes out as characters, not as numeric entities: readable source, a third of the bytes.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        var pages = services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/Setup");
            o.Conventions.AddPageApplicationModelConvention("/Account/Login",
                m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimits.Login)));
            o.Conventions.AddPageApplicationModelConvention("/Account/Setup",
                m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimits.Setup)));
        });
        foreach (var assembly in modules.Select(m => m.GetType().Assembly).Distinct()) pages.AddApplicationPart(assembly);
        services.AddProblemDetails();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Jiedan API";
            doc.Info.Version = "v1";
            doc.Info.Description =
                "Deals, pipeline analytics, quotes, delivery gate and bot confirmations." +
                " Authenticate with a cookie or 'Authorization: Bearer <token>'.";
            return Task.CompletedTask;
        }));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        var app = builder.Build();
        app.UseTrustedForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMetricsAccess();
        app.UseJiedanLocalization();
        app.UseHttpMetrics();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseApiWriteGuard();

        app.MapHealth();
        app.MapMetrics("/metrics");
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapGet("/assets/site.css", () => Results.Text(SiteStyles.Css, "text/css")).AllowAnonymous().ExcludeFromDescription();
        app.MapRazorPages();
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        foreach (var module in modules) module.MapEndpoints(app, api);
        return app;
    }

    /// <summary>
    /// Migrates the database, announces a one-time setup link while the owner has no password, and loads demo data
    /// into an empty database when asked. Call before <c>RunAsync</c>.
    /// </summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken ct = default)
    {
        await JiedanDb.MigrateAsync(app.Services, ct);
        var options = app.Services.GetRequiredService<JiedanAppOptions>();
        using var scope = app.Services.CreateScope();
        if (options.SeedDemoData)
            await DemoData.AddAsync(app.Services, app.Services.GetRequiredService<IReadOnlyList<IJiedanModule>>(), onlyIntoEmpty: true, ct);
        var token = await scope.ServiceProvider.GetRequiredService<AccountService>().EnsureOwnerAsync(ct);
        if (token is not null && options.Announcements is { } output)
        {
            var url = options.Urls[0].TrimEnd('/');
            await output.WriteLineAsync($"First run: set the owner's password with this one-time link (valid 24 h):");
            await output.WriteLineAsync($"  {url}/setup?token={token}");
            await output.WriteLineAsync("Then log in as user 'owner'. Lost the link? Run 'jiedan admin setup-link'.");
        }
    }
}
