using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jiedan.Testing;

namespace Jiedan.Quote.Tests.Api;

/// <summary>
/// Specs posted to /api/v1/quotes that name server paths: refused unless Quotes:RepositoryRoot is set, and then only
/// below it (after links and .. are resolved); a 400 problem+json names the field, never file content.
/// </summary>
public sealed class QuoteRepositoryApiTests(JiedanServerFixture servers) : IClassFixture<JiedanServerFixture>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("jiedan-quote-api-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    private static string Spec(string size, string debt = "") =>
        $"platform: toptal\nseniority: mid\nsize: {size}\nsla: {{ p99_ms: 400, uptime_percent: 99.9 }}\n{debt}";

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
    public async Task Without_a_configured_root_no_repository_path_is_accepted(TestDatabaseKind kind)
    {
        var server = await servers.ServerAsync(kind);
        using var client = server.CreateClient();

        foreach (var path in new[] { "/etc", "../../..", "." })
        {
            var message = await Refusal(await client.PostAsync("/api/v1/quotes/preview", Yaml(Spec($"{{ repository: \"{path}\" }}"))),
                "size.repository");
            Assert.Contains("not accepted here (set Quotes:RepositoryRoot", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task With_a_root_paths_outside_it_are_refused_and_inside_it_counted()
    {
        var repo = Directory.CreateDirectory(Path.Combine(_root, "service")).FullName;
        File.WriteAllText(Path.Combine(repo, "main.go"), "package main\n\nfunc main() {}\n");
        File.CreateSymbolicLink(Path.Combine(_root, "escape"), "/etc");
        File.CreateSymbolicLink(Path.Combine(_root, "lint.json"), "/etc/passwd");
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite, settings: new Dictionary<string,
            string?> { ["Quotes:RepositoryRoot"] = _root });
        using var client = server.CreateClient();

        foreach (var path in new[] { "/etc", "../../../../..", "escape", "service/../.." })
        {
            var message = await Refusal(await client.PostAsync("/api/v1/quotes", Yaml(Spec($"{{ repository: \"{path}\" }}"))),
                "size.repository");
            Assert.Equal($"line 3, column 21: {path} is outside the repository root", message);
        }
        var lint = await Refusal(await client.PostAsync("/api/v1/quotes/preview",
            Yaml(Spec("{ repository: service }", "tech_debt: { golangci_lint: lint.json }\n"))),
            "tech_debt.golangci_lint");
        Assert.Equal("line 5, column 29: lint.json is outside the repository root", lint);

        var ok = await client.PostAsync("/api/v1/quotes/preview", Yaml(Spec("{ repository: service }")));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var quote = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, quote.GetProperty("layers")[0].GetProperty("measure").GetDouble());
    }

    [Fact]
    public async Task A_repository_holding_a_fifo_is_counted_without_hanging()
    {
        var repo = Directory.CreateDirectory(Path.Combine(_root, "service")).FullName;
        File.WriteAllText(Path.Combine(repo, "main.go"), "package main\n\nfunc main() {}\n");
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(repo, "pipe.go")])) await mkfifo.WaitForExitAsync();
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite, settings: new Dictionary<string,
            string?> { ["Quotes:RepositoryRoot"] = _root });
        using var client = server.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);

        var ok = await client.PostAsync("/api/v1/quotes/preview", Yaml(Spec("{ repository: service }")));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }
}
