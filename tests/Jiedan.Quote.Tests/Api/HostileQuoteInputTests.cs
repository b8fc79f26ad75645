using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jiedan.Testing;

namespace Jiedan.Quote.Tests.Api;

/// <summary>Quote specs that attack the parser or the store, posted to a running server.</summary>
public sealed class HostileQuoteInputTests(JiedanServerFixture servers) : IClassFixture<JiedanServerFixture>
{
    private const string Valid = "platform: upwork\nseniority: senior\nsize: {lines: 10}\nsla: {p99_ms: 100, uptime_percent: 99}\n";

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    private static string BillionLaughs()
    {
        var yaml = new StringBuilder(Valid).Append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = string.Join(",", Enumerable.Repeat($"*{(char)(level - 1)}", 9));
            yaml.Append(CultureInfo.InvariantCulture, $"{level}: &{level} [{previous}]\n");
        }
        return yaml.Append("title: *i\n").ToString();
    }

    public static TheoryData<TestDatabaseKind, string, string, string> Cases => new()
    {
        { TestDatabaseKind.Sqlite, "title: " + new string('t', 301) + "\n" + Valid, "title", "must be at most 300 characters" },
        { TestDatabaseKind.Postgres, "title: " + new string('t', 301) + "\n" + Valid, "title", "must be at most 300 characters" },
        { TestDatabaseKind.Sqlite, "client: " + new string('c', 201) + "\n" + Valid, "client", "must be at most 200 characters" },
        { TestDatabaseKind.Sqlite, Valid + $"factors: {{language: {new string('g', 201)}}}\n", "factors.language", 
            "must be at most 200 characters" },
        { TestDatabaseKind.Sqlite, BillionLaughs(), "(yaml)", "anchors (&name) are not allowed" },
        { TestDatabaseKind.Sqlite, Valid + $"x: {new string('[', 10_000)}{new string(']', 10_000)}\n", "(yaml)",
            "nested deeper than 32 levels" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileSpec_IsAProblemNamingTheField_QuicklyAndNothingIsStored(
        TestDatabaseKind kind, string spec, string field, string problem)
    {
        var server = await servers.ServerAsync(kind);
        using var client = server.CreateClient();
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsync("/api/v1/quotes", Yaml(spec));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.EndsWith(problem, message);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/quotes/1")).StatusCode);
    }

    [Fact]
    public async Task OverSizedSpec_IsRefusedBeforeParsing()
    {
        var server = await servers.ServerAsync(TestDatabaseKind.Sqlite);
        using var client = server.CreateClient();
        var response = await client.PostAsync("/api/v1/quotes", Yaml(Valid + "# " + new string('x', 70_000) + "\n"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("the spec is larger than 64 KiB",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("spec")[0].GetString());
    }
}
