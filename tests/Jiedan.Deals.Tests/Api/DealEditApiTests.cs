using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jiedan.Deals.Storage;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Deals.Tests.Api;

/// <summary>
/// PATCH /api/v1/deals/{id}: the fields sent change, each change joins the deal's history, and the copies the spans carry
/// for analytics follow, so the pipeline report sliced by platform counts the deal under its new platform.
/// </summary>
public class DealEditApiTests(JiedanServerFixture servers) : IClassFixture<JiedanServerFixture>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static Task<HttpResponseMessage> Patch(HttpClient http, long id, object body) =>
        http.PatchAsync($"/api/v1/deals/{id}", JsonContent.Create(body));

    private static async Task<long> CreateMovedDealAsync(HttpClient http)
    {
        var created = await http.PostAsJsonAsync("/api/v1/deals", new
        {
            client = "Acme Logistics", platform = "Upwork", category = "ApiService", seniority = "Mid", budget = 9000, currency = "USD",
            tags = new[] { "go" }, notes = "first call went well", stage = "Lead", at = "2026-11-02T09:00:00+08:00",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetInt64();
        var moved = await http.PostAsJsonAsync($"/api/v1/deals/{id}/move",
            new { stage = "FirstResponse", at = "2026-11-05T09:00:00+08:00" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        return id;
    }

    /// <summary>Deals counted by the report sliced by <paramref name="platform"/>, and the span facts behind its stages.</summary>
    private static async Task<(long Deals, long Spans)> SliceAsync(HttpClient http, string platform)
    {
        var report = await Json(await http.GetAsync($"/api/v1/pipeline/report?platform={platform}"));
        var spans = report.GetProperty("stages").EnumerateArray()
            .Sum(s => s.GetProperty("inStageNow").GetInt64() + s.GetProperty("durations").GetProperty("count").GetInt64());
        return (report.GetProperty("deals").GetInt64(), spans);
    }

    private static async Task<List<StageSpanRecord>> SpansAsync(JiedanTestServer server, long id)
    {
        using var scope = server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DealsDbContext>().StageSpans.AsNoTracking().Where(s => s.DealId == id)
            .ToListAsync();
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_patch_changes_the_fields_sent_records_each_change_and_moves_the_deal_between_analytics_slices(
        TestDatabaseKind kind)
    {
        var server = await servers.ServerAsync(kind);
        using var http = server.CreateClient();
        var id = await CreateMovedDealAsync(http);
        Assert.Equal((1, 2), await SliceAsync(http, "Upwork"));
        Assert.Equal((0, 0), await SliceAsync(http, "Toptal"));

        var patched = await Patch(http, id, new { platform = "toptal", seniority = "Senior", budget = 12000, tags = new[] { "go", "grpc" },
            version = 2 });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var deal = await Json(patched);
        Assert.Equal(("Toptal", "Senior", 12000m, "USD", 3), (deal.GetProperty("platform").GetString(),
            deal.GetProperty("seniority").GetString(), deal.GetProperty("budget").GetDecimal(), deal.GetProperty("currency").GetString(),
            deal.GetProperty("version").GetInt32()));
        Assert.Equal(("Acme Logistics", "ApiService", "first call went well"), (deal.GetProperty("client").GetString(),
            deal.GetProperty("category").GetString(), deal.GetProperty("notes").GetString()));

        Assert.All(await SpansAsync(server, id), s => Assert.Equal(("Toptal", "Senior"), (s.Platform, s.Seniority)));
        Assert.Equal((0, 0), await SliceAsync(http, "Upwork"));
        Assert.Equal((1, 2), await SliceAsync(http, "Toptal"));
        var bySeniority = await Json(await http.GetAsync("/api/v1/pipeline/report?seniority=Senior"));
        Assert.Equal(1, bySeniority.GetProperty("deals").GetInt64());

        // null clears the budget and the notes; the history lists every change, newest first, with who made it.
        var cleared = await Patch(http, id, new { budget = (decimal?)null, notes = (string?)null });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        var after = await Json(cleared);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("budget").ValueKind);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("currency").ValueKind);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("notes").ValueKind);

        var changes = await Json(await http.GetAsync($"/api/v1/deals/{id}/changes"));
        var rows = changes.EnumerateArray().Select(c => (c.GetProperty("field").GetString(), c.GetProperty("oldValue").GetString(),
            c.GetProperty("newValue").GetString())).ToList();
        Assert.Equal([
            ("notes", "first call went well", null), ("budget", "12000 USD", null),
            ("tags", "go", "go,grpc"), ("budget", "9000 USD", "12000 USD"), ("seniority", "Mid", "Senior"),
            ("platform", "Upwork", "Toptal"),
        ], rows);
        Assert.All(changes.EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("actor").GetString())));
        Assert.Equal(4, (await Json(await http.GetAsync($"/api/v1/deals/{id}"))).GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_stale_version_is_refused_with_409_and_changes_nothing(TestDatabaseKind kind)
    {
        var server = await servers.ServerAsync(kind);
        using var http = server.CreateClient();
        var id = await CreateMovedDealAsync(http);

        var stale = await Patch(http, id, new { platform = "Toptal", client = "Someone Else", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);
        Assert.Equal(2, (await Json(stale)).GetProperty("currentVersion").GetInt32());

        var deal = await Json(await http.GetAsync($"/api/v1/deals/{id}"));
        Assert.Equal(("Upwork", "Acme Logistics", 2), (deal.GetProperty("platform").GetString(), deal.GetProperty("client").GetString(),
            deal.GetProperty("version").GetInt32()));
        Assert.All(await SpansAsync(server, id), s => Assert.Equal("Upwork", s.Platform));
        Assert.Equal(0, (await Json(await http.GetAsync($"/api/v1/deals/{id}/changes"))).GetArrayLength());

        // An edit that changes nothing writes nothing: same version, no history.
        var same = await Patch(http, id, new { platform = "Upwork", budget = 9000.00m, tags = new[] { " go " }, version = 2 });
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(2, (await Json(same)).GetProperty("version").GetInt32());
        Assert.Equal(0, (await Json(await http.GetAsync($"/api/v1/deals/{id}/changes"))).GetArrayLength());
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Bad_fields_get_400_naming_each_field_and_change_nothing(TestDatabaseKind kind)
    {
        var server = await servers.ServerAsync(kind);
        using var http = server.CreateClient();
        var id = await CreateMovedDealAsync(http);

        var bad = await Patch(http, id, new
        {
            client = " ", platform = "Fiverrr", category = "Poetry", seniority = "Wizard", budget = -5, notes = new string('n', 10_001),
            tags = Enumerable.Range(0, 33).Select(i => $"t{i}").ToArray(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        var errors = (await Json(bad)).GetProperty("errors");
        Assert.Equal(["budget", "category", "client", "notes", "platform", "seniority", "tags"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.StartsWith("unknown platform 'Fiverrr'", errors.GetProperty("platform")[0].GetString());

        var currency = await Patch(http, id, new { currency = "ABC" });
        Assert.Equal(HttpStatusCode.BadRequest, currency.StatusCode);
        Assert.StartsWith("unknown currency 'ABC'", (await Json(currency)).GetProperty("errors").GetProperty("currency")[0].GetString());
        var nul = await Patch(http, id, new { client = "Acme\0" });
        Assert.True((await Json(nul)).GetProperty("errors").TryGetProperty("client", out _));

        var deal = await Json(await http.GetAsync($"/api/v1/deals/{id}"));
        Assert.Equal(("Acme Logistics", "Upwork", 2), (deal.GetProperty("client").GetString(), deal.GetProperty("platform").GetString(),
            deal.GetProperty("version").GetInt32()));
        Assert.Equal(0, (await Json(await http.GetAsync($"/api/v1/deals/{id}/changes"))).GetArrayLength());

        Assert.Equal(HttpStatusCode.NotFound, (await Patch(http, id + 1000, new { client = "Nobody" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/v1/deals/{id + 1000}/changes")).StatusCode);
        using var notJson = new StringContent("client=x", Encoding.UTF8, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await http.PatchAsync($"/api/v1/deals/{id}", notJson)).StatusCode);
    }
}
