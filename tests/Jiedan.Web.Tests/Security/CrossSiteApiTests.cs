using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Jiedan.Testing;

namespace Jiedan.Web.Tests.Security;

/// <summary>
/// A page on another site (or a sibling subdomain) makes the victim's browser post to /api/v1 with the dashboard
/// cookie. The API must tell that apart from Jiedan's own pages and from scripts holding a Bearer token.
/// </summary>
public class CrossSiteApiTests(JiedanServerFixture servers) : IClassFixture<JiedanServerFixture>
{
    private static HttpRequestMessage NewDeal(string client, string? origin = null, string? fetchSite = null,
        string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/deals")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { client, platform = "Upwork" }), Encoding.UTF8, contentType),
        };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (fetchSite is not null) request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return request;
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_cookie_post_from_another_site_is_refused_while_same_origin_and_bearer_succeed(TestDatabaseKind kind)
    {
        var server = await servers.ServerAsync(kind);
        await OwnerPassword.SetAsync(server);
        using var victim = new DashboardSession(server.BaseAddress);
        await victim.LoginAsync(OwnerPassword.Value);
        var self = server.BaseAddress.GetLeftPart(UriPartial.Authority);

        // A form or fetch from evil.example, a sibling subdomain, and a request that names no origin at all.
        foreach (var attack in new[]
        {
            NewDeal("evil 1", origin: "http://evil.example", fetchSite: "cross-site"),
            NewDeal("evil 2", origin: "http://evil.example"),
            NewDeal("evil 3", fetchSite: "same-site"),
            NewDeal("evil 4", contentType: "text/plain"),
            NewDeal("evil 5"),
        })
        {
            var refused = await victim.SendAsync(attack);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        }
        var csv = new StringContent("external_id,client,platform,stage,at\nx,Evil,Upwork,Lead,2026-01-05\n");
        var import = new MultipartFormDataContent { { csv, "file", "deals.csv" } };
        var importRequest = new HttpRequestMessage(HttpMethod.Post, "/api/v1/deals/import") { Content = import };
        importRequest.Headers.Add("Origin", "null");
        Assert.Equal(HttpStatusCode.Forbidden, (await victim.SendAsync(importRequest)).StatusCode);

        using var api = server.CreateClient();
        Assert.Equal(0, JsonDocument.Parse(await api.GetStringAsync("/api/v1/deals")).RootElement.GetArrayLength());

        // Jiedan's own pages: the browser says same-origin, or sends this origin, or the antiforgery token.
        Assert.Equal(HttpStatusCode.Created, (await victim.SendAsync(NewDeal("own 1", fetchSite: "same-origin"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await victim.SendAsync(NewDeal("own 2", origin: self))).StatusCode);
        var withToken = NewDeal("own 3");
        withToken.Headers.Add("RequestVerificationToken", await victim.FormTokenAsync("/deals/new"));
        Assert.Equal(HttpStatusCode.Created, (await victim.SendAsync(withToken)).StatusCode);

        // A script with a Bearer token is not a browser riding a cookie: no origin needed, and a foreign one changes nothing.
        Assert.Equal(HttpStatusCode.Created, (await api.SendAsync(NewDeal("script 1"))).StatusCode);
        var foreign = NewDeal("script 2", origin: "http://evil.example", fetchSite: "cross-site");
        Assert.Equal(HttpStatusCode.Created, (await api.SendAsync(foreign)).StatusCode);
        Assert.Equal(5, JsonDocument.Parse(await api.GetStringAsync("/api/v1/deals")).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task A_body_of_an_undeclared_content_type_is_415_problem_json()
    {
        var server = await servers.ServerAsync(TestDatabaseKind.Sqlite);
        using var api = server.CreateClient();

        var json = JsonSerializer.Serialize(new { client = "Acme", platform = "Upwork" });
        var plain = await api.PostAsync("/api/v1/deals", new StringContent(json, Encoding.UTF8, "text/plain"));
        AssertUnsupported(plain);
        var form = await api.PostAsync("/api/v1/deals", new FormUrlEncodedContent(new Dictionary<string, string> { ["client"] = "Acme" }));
        AssertUnsupported(form);
        var noType = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        AssertUnsupported(await api.PostAsync("/api/v1/deals", noType));
        AssertUnsupported(await api.PostAsync("/api/v1/quotes/preview", new FormUrlEncodedContent([new("a", "b")])));
        var csv = new StringContent("external_id,client\n", Encoding.UTF8, "text/csv");
        AssertUnsupported(await api.PostAsync("/api/v1/deals/import", csv));
        Assert.Equal(0, JsonDocument.Parse(await api.GetStringAsync("/api/v1/deals")).RootElement.GetArrayLength());

        var ok = new StringContent(json, Encoding.UTF8);
        ok.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/v1/deals", ok)).StatusCode);
    }

    private static void AssertUnsupported(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
