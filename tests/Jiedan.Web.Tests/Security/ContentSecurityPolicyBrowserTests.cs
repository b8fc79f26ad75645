using System.Text.Json;
using Jiedan.Testing;
using Microsoft.Playwright;

namespace Jiedan.Web.Tests.Security;

/// <summary>
/// The dashboard under its Content-Security-Policy in headless Chromium: no page may need inline script or style
/// (Chromium reports every refusal on the console), and the classes that replaced style attributes still apply.
/// </summary>
public class ContentSecurityPolicyBrowserTests
{
    [Fact]
    public async Task Every_page_renders_without_a_policy_violation()
    {
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite, demo: true);
        long dealId;
        using (var api = server.CreateClient())
            dealId = JsonDocument.Parse(await api.GetStringAsync("/api/v1/deals?limit=1")).RootElement[0].GetProperty("id").GetInt64();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.BaseAddress.ToString().TrimEnd('/') });
        var violations = new List<string>();
        // Chromium: "Refused to apply inline style because it violates the following Content Security Policy directive…"
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => violations.Add($"{page.Url}: {error}");

        await page.GotoAsync("/login");
        await page.SetOwnerPasswordAsync(await server.IssueSetupTokenAsync(), OwnerPassword.Value);
        foreach (var path in new[] { "/deals", $"/deals/{dealId}", "/deals/new", "/pipeline", "/rates", "/quote", "/bot" })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path}: {response.Status}");
            Assert.Contains("default-src 'self'", await response.HeaderValueAsync("content-security-policy") ?? "");
        }
        await page.GotoAsync("/quote");
        await page.ClickAsync("#quote-compute");
        await page.WaitForSelectorAsync("#quote-chart svg");
        Assert.Empty(violations);

        // The stylesheet's classes do what the style attributes did.
        await page.GotoAsync("/deals/new");
        var widths = await page.EvaluateAsync<double[]>(
            "() => [document.querySelector('#Client'), document.querySelector('form.card')].map(e => e.getBoundingClientRect().width)");
        Assert.True(widths[0] > 0.8 * widths[1] && widths[1] <= 560, $"client field {widths[0]} px in a form of {widths[1]} px");
        await page.GotoAsync("/deals");
        Assert.Equal("14.4px", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#new-deal')).fontSize"));
    }
}
