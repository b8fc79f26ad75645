using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiedan.Testing;

namespace Jiedan.Credibility.Tests.Audit;

/// <summary>
/// /api/v1/audits on the real host: POST runs an audit only inside Credibility:RepositoryRoot (a 400 problem+json naming
/// <c>path</c> otherwise), the stored audits come back newest first and as the latest per repository.
/// </summary>
public sealed class AuditsApiTests(JiedanServerFixture servers) : IClassFixture<JiedanServerFixture>
{
    private static async Task<string> Refusal(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Without_a_configured_root_no_audit_runs_and_nothing_is_stored(TestDatabaseKind kind)
    {
        var server = await servers.ServerAsync(kind);
        using var client = server.CreateClient();
        var message = await Refusal(await client.PostAsJsonAsync("/api/v1/audits", new { path = "." }), "path");
        Assert.Contains("set Credibility:RepositoryRoot", message, StringComparison.Ordinal);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement[]>("/api/v1/audits"))!);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/audits/latest")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/audits/latest?repository=github.com/a/b")).StatusCode);
    }

    [Fact]
    public async Task With_a_root_paths_outside_it_are_refused_and_a_clone_inside_it_is_audited_and_stored()
    {
        using var repo = Fixtures.Exemplary();
        File.CreateSymbolicLink(Path.Combine(repo.Root, "escape"), "/etc");
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite,
            settings: new Dictionary<string, string?> { ["Credibility:RepositoryRoot"] = repo.Root });
        using var client = server.CreateClient();
        foreach (var path in new[] { "/etc", "..", "escape" })
            Assert.Equal($"{path} is outside the repository root",
                await Refusal(await client.PostAsJsonAsync("/api/v1/audits", new { path }), "path"));

        var created = await client.PostAsJsonAsync("/api/v1/audits", new { path = "." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var audit = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("github.com/acme/widget", audit.GetProperty("repository").GetString());
        Assert.Equal(100, audit.GetProperty("score").GetInt32());
        Assert.Equal(10, audit.GetProperty("checks").GetArrayLength());

        var latest = await client.GetFromJsonAsync<JsonElement>("/api/v1/audits/latest?repository=github.com/acme/widget");
        Assert.Equal(audit.GetProperty("id").GetInt64(), latest.GetProperty("id").GetInt64());
        var list = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/audits?repository=github.com/acme/widget");
        Assert.Single(list!);
    }
}
