using System.Net;
using System.Text.Json;
using Jiedan.Common.Storage;
using Jiedan.Common.Web;
using Jiedan.Testing;
using Jiedan.Web.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Web.Tests.Host;

public class HostEndpointsTests(JiedanServerFixture servers) : IClassFixture<JiedanServerFixture>
{
    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Health_reports_version_time_and_database(TestDatabaseKind kind)
    {
        var server = await servers.ServerAsync(kind);
        using var http = server.CreateAnonymousClient();
        var response = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Equal(kind.ToString(), body.GetProperty("database").GetProperty("provider").GetString());
        Assert.True(body.GetProperty("database").GetProperty("reachable").GetBoolean());
        Assert.Matches(@"^\d+\.\d+\.\d+$", body.GetProperty("version").GetString());
        Assert.EndsWith("Z", body.GetProperty("timestampUtc").GetString());
    }

    [Fact]
    public async Task Health_is_503_when_the_database_is_down()
    {
        // Port 9 on loopback: nothing listens, so every connection is refused.
        var unreachable = DatabaseTarget.Parse("Host=127.0.0.1;Port=9;Username=nobody;Timeout=2");
        var app = JiedanApp.Build(new JiedanAppOptions(unreachable) { Urls = ["http://127.0.0.1:0"] });
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var response = await http.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.False(health.GetProperty("database").GetProperty("reachable").GetBoolean());
        }
        finally { await app.StopAsync(); }
    }

    [Fact]
    public async Task Metrics_and_the_OpenAPI_document_are_served()
    {
        var server = await servers.ServerAsync(TestDatabaseKind.Sqlite);
        using var http = server.CreateAnonymousClient();
        await http.GetAsync("/health");
        var metrics = await http.GetStringAsync("/metrics");
        Assert.Contains("# TYPE http_request_duration_seconds histogram", metrics);

        var openApi = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.StartsWith("3.", openApi.GetProperty("openapi").GetString());
    }

    /// <summary>The whole API contract: a changed route, schema or status code shows in the snapshot's diff.</summary>
    [Fact]
    public async Task The_OpenAPI_document()
    {
        var server = await servers.ServerAsync(TestDatabaseKind.Sqlite);
        using var http = server.CreateAnonymousClient();
        var document = await http.GetStringAsync("/openapi/v1.json");
        Snapshot.Match(document, "openapi-v1.json",
            new Dictionary<string, string> { [server.BaseAddress.GetLeftPart(UriPartial.Authority)] = "http://<server>" });
    }

    [Fact]
    public void Every_dashboard_text_has_English_and_Chinese()
    {
        var texts = JiedanModules.Texts();
        Assert.NotEmpty(texts.Keys);
        Assert.All(texts.Keys, k => Assert.True(texts.HasBothLanguages(k), k));
    }
}
