using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jiedan.Testing;

namespace Jiedan.Credibility.Tests.Conversion;

/// <summary>The conversion API through the real HTTP pipeline (Kestrel) on SQLite and PostgreSQL.</summary>
public sealed class ConversionApiTests(JiedanServerFixture servers) : IClassFixture<JiedanServerFixture>
{
    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_deal_is_scored_read_back_and_shown_on_its_page(TestDatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        var server = await servers.ServerAsync(kind);
        using var client = server.CreateClient();
        var deal = await ApiDeals.CreateAsync(client, ct);
        var empty = await client.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{deal}/conversion", ct);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("current").ValueKind);
        Assert.Equal("seed", empty.GetProperty("weights").GetProperty("source").GetString());

        var posted = await client.PostAsync($"/api/v1/deals/{deal}/conversion", Json(AssetScoresJsonTests.Valid), ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var created = await posted.Content.ReadFromJsonAsync<JsonElement>(ct);
        // 0.28 × 50 + 0.35 × 80 + 0.37 × 60 = 64.2; the failing sla check is worth 0.28 × 50 = 14 points.
        Assert.Equal(64.2, created.GetProperty("estimate").GetDouble(), 9);
        var fix = created.GetProperty("recommendations")[0];
        Assert.Equal(("proposal", "sla", 14.0), (fix.GetProperty("asset").GetString(), fix.GetProperty("checkId").GetString(),
            Math.Round(fix.GetProperty("gain").GetDouble(), 9)));

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{deal}/conversion", ct);
        Assert.Equal(created.GetProperty("id").GetInt64(), read.GetProperty("current").GetProperty("id").GetInt64());
        Assert.Equal(1, read.GetProperty("history").GetArrayLength());
        var page = await client.GetStringAsync($"/deals/{deal}", ct);
        Assert.Contains("id=\"conversion-estimate\">64.2<", page);
        Assert.Contains("<svg", page);

        var missing = await client.PostAsync("/api/v1/deals/424242/conversion", Json(AssetScoresJsonTests.Valid), ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/deals/424242/conversion", ct)).StatusCode);
    }

    [Fact]
    public async Task Bad_bodies_get_problem_details_naming_the_field_and_store_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = await servers.ServerAsync(TestDatabaseKind.Sqlite);
        using var client = server.CreateClient();
        var deal = await ApiDeals.CreateAsync(client, ct);
        var url = $"/api/v1/deals/{deal}/conversion";
        var clock = Stopwatch.StartNew();

        await AssertProblemAsync(await client.PostAsync(url, Json(AssetScoresJsonTests.Valid.Replace("\"score\": 80", "\"score\": -1",
            StringComparison.Ordinal)), ct), "repository.score");
        await AssertProblemAsync(await client.PostAsync(url, Json(""), ct), "body");
        var notUtf8 = new ByteArrayContent([0x7b, 0xff, 0xfe, 0x7d]);
        notUtf8.Headers.ContentType = new("application/json");
        await AssertProblemAsync(await client.PostAsync(url, notUtf8, ct), "body");
        await AssertProblemAsync(await client.PostAsync(url, Json(new string('[', 1000) + new string(']', 1000)), ct), "body");
        // 1 MiB streamed without a Content-Length: refused once the 256 KiB cap is passed.
        var big = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"notes\": \"" + new string('x', 1 << 20) + "\"}")));
        big.Headers.ContentType = new("application/json");
        await AssertProblemAsync(await client.PostAsync(url, big, ct), "body");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        var read = await client.GetFromJsonAsync<JsonElement>(url, ct);
        Assert.Equal(0, read.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task Weights_are_read_set_and_refused_when_invalid_and_the_fit_says_how_many_deals_it_lacks()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = await servers.ServerAsync(TestDatabaseKind.Sqlite);
        using var client = server.CreateClient();
        var seed = await client.GetFromJsonAsync<JsonElement>("/api/v1/conversion/weights", ct);
        Assert.Equal(("seed", 0.37), (seed.GetProperty("source").GetString(), seed.GetProperty("weights").GetProperty("demo").GetDouble()));

        var put = await client.PutAsync("/api/v1/conversion/weights", Json("{\"proposal\": 0.2, \"repository\": 0.3, \"demo\": 0.5}"), ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var manual = await client.GetFromJsonAsync<JsonElement>("/api/v1/conversion/weights", ct);
        Assert.Equal(("manual", 0.5),
            (manual.GetProperty("source").GetString(), manual.GetProperty("weights").GetProperty("demo").GetDouble()));

        await AssertProblemAsync(await client.PutAsync("/api/v1/conversion/weights",
            Json("{\"proposal\": 0.2, \"repository\": 0.3, \"demo\": 0.6}"), ct), "weights");
        await AssertProblemAsync(await client.PutAsync("/api/v1/conversion/weights",
            Json("{\"proposal\": -0.2, \"repository\": 0.7, \"demo\": 0.5}"), ct), "proposal");
        await AssertProblemAsync(await client.PutAsync("/api/v1/conversion/weights", Json("{\"use\": \"best\"}"), ct), "use");
        await AssertProblemAsync(await client.PutAsync("/api/v1/conversion/weights", Json("{\"proposal\": 1}"), ct), "repository");

        var noFit = await client.PutAsync("/api/v1/conversion/weights", Json("{\"use\": \"fitted\"}"), ct);
        Assert.Equal(HttpStatusCode.Conflict, noFit.StatusCode);
        Assert.Contains("not enough deals: 0 of 30", await noFit.Content.ReadAsStringAsync(ct));
        var fit = await client.GetFromJsonAsync<JsonElement>("/api/v1/conversion/fit", ct);
        Assert.Equal("not enough deals: 0 of 30", fit.GetProperty("problem").GetString());
        Assert.Equal("Signed", fit.GetProperty("wonStage").GetString());

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/v1/conversion/weights", Json("{\"use\": \"seed\"}"), ct)).StatusCode);
        var back = await client.GetFromJsonAsync<JsonElement>("/api/v1/conversion/weights", ct);
        Assert.Equal("seed", back.GetProperty("source").GetString());

        using var anonymous = server.CreateAnonymousClient();
        var refused = await anonymous.PutAsync("/api/v1/conversion/weights", Json("{\"use\": \"seed\"}"), ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task AssertProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
