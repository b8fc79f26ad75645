using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jiedan.Testing;

namespace Jiedan.Scaffold.Tests.Api;

/// <summary>GET /api/v1/deals/{id}/scaffold.zip over real HTTP, on SQLite and PostgreSQL.</summary>
public sealed class ScaffoldApiTests(JiedanServerFixture servers) : IClassFixture<JiedanServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Orders => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "requirements", "orders.yml"));

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task The_zip_holds_the_project_of_the_latest_requirement(TestDatabaseKind kind)
    {
        var server = await servers.ServerAsync(kind);
        using var client = server.CreateClient();
        var deal = await ApiDeals.CreateAsync(client, Ct);
        var url = $"/api/v1/deals/{deal}/scaffold.zip?module=github.com/you/orders&framework=stdlib&lang=zh";
        var none = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        var put = await client.PutAsync($"/api/v1/deals/{deal}/contract", new StringContent(Orders, Encoding.UTF8, "application/yaml"), Ct);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        var response = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(Ct));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("orders/go.mod", names);
        Assert.Contains("orders/internal/app/router.go", names);
        Assert.Contains("orders/api/openapi.yaml", names);
        Assert.DoesNotContain(names, n => n.Contains("/vendor/", StringComparison.Ordinal));
        using var goMod = new StreamReader(zip.GetEntry("orders/go.mod")!.Open());
        Assert.StartsWith("module github.com/you/orders\n", await goMod.ReadToEndAsync(Ct), StringComparison.Ordinal);
        using var readme = new StreamReader(zip.GetEntry("orders/README.md")!.Open());
        Assert.Contains("## 快速开始", await readme.ReadToEndAsync(Ct), StringComparison.Ordinal);
        using var router = new StreamReader(zip.GetEntry("orders/internal/app/router.go")!.Open());
        Assert.DoesNotContain("gin", await router.ReadToEndAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "module")]
    [InlineData("module=github.com/you/../x", "module")]
    [InlineData("module=github.com/you/orders&framework=echo", "framework")]
    [InlineData("module=github.com/you/orders&lang=fr", "lang")]
    public async Task Bad_options_are_400_problems_naming_the_parameter(string query, string parameter)
    {
        var server = await servers.ServerAsync(TestDatabaseKind.Sqlite);
        using var client = server.CreateClient();
        var deal = await ApiDeals.CreateAsync(client, Ct);
        var put = await client.PutAsync($"/api/v1/deals/{deal}/contract", new StringContent(Orders, Encoding.UTF8, "application/yaml"), Ct);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        var response = await client.GetAsync($"/api/v1/deals/{deal}/scaffold.zip?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task An_unknown_deal_is_404_and_no_login_is_401()
    {
        var server = await servers.ServerAsync(TestDatabaseKind.Sqlite);
        using var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/deals/999999/scaffold.zip?module=a.b/c", Ct)).StatusCode);
        using var anonymous = server.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/deals/1/scaffold.zip?module=a.b/c", Ct)).StatusCode);
    }
}
