using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jiedan.Testing;

namespace Jiedan.Deals.Tests.Api;

public class DealsApiTests(JiedanServerFixture servers) : IClassFixture<JiedanServerFixture>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Create_move_and_conflict_through_the_real_pipeline(TestDatabaseKind kind)
    {
        var server = await servers.ServerAsync(kind);
        using var http = server.CreateClient();

        var created = await http.PostAsJsonAsync("/api/v1/deals",
            new { client = "Acme Logistics", platform = "upwork", category = "ApiService", seniority = "Senior", budget = 9000,
            currency = "USD", tags = new[] { "go", "grpc" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var deal = await Json(created);
        var id = deal.GetProperty("id").GetInt64();
        Assert.Equal(("Lead", 1, "Upwork"),
            (deal.GetProperty("stage").GetString(), deal.GetProperty("version").GetInt32(), deal.GetProperty("platform").GetString()));
        Assert.Equal($"/api/v1/deals/{id}", created.Headers.Location!.ToString());

        var moved = await http.PostAsJsonAsync($"/api/v1/deals/{id}/move", new { stage = "FirstResponse", version = 1 });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(2, (await Json(moved)).GetProperty("version").GetInt32());

        var stale = await http.PostAsJsonAsync($"/api/v1/deals/{id}/move", new { stage = "ProposalConfirmed", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);
        Assert.Equal(2, (await Json(stale)).GetProperty("currentVersion").GetInt32());

        var fetched = await Json(await http.GetAsync($"/api/v1/deals/{id}"));
        Assert.Equal("FirstResponse", fetched.GetProperty("stage").GetString());
        Assert.Equal(2, fetched.GetProperty("events").GetArrayLength());

        var list = await Json(await http.GetAsync("/api/v1/deals?platform=Upwork"));
        Assert.Equal(1, list.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/v1/deals/{id + 1000}")).StatusCode);
    }

    [Fact]
    public async Task Bad_requests_get_problem_json_naming_the_field()
    {
        var server = await servers.ServerAsync(TestDatabaseKind.Sqlite);
        using var http = server.CreateClient();

        var bad = await http.PostAsJsonAsync("/api/v1/deals", new { client = "X", platform = "Fiverrr", budget = 10, currency = "ABC" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        var errors = (await Json(bad)).GetProperty("errors");
        Assert.StartsWith("unknown platform 'Fiverrr'", errors.GetProperty("platform")[0].GetString());
        Assert.StartsWith("unknown currency 'ABC'", errors.GetProperty("currency")[0].GetString());

        var id = (await Json(await http.PostAsJsonAsync("/api/v1/deals",
            new { client = "Y", platform = "Toptal" }))).GetProperty("id").GetInt64();
        var lost = await http.PostAsJsonAsync($"/api/v1/deals/{id}/move", new { stage = "Lost" });
        Assert.Equal(HttpStatusCode.BadRequest, lost.StatusCode);
        Assert.Equal("moving to Lost needs a reason", (await Json(lost)).GetProperty("errors").GetProperty("reason")[0].GetString());

        var filter = await http.GetAsync("/api/v1/pipeline/report?seniority=Wizard");
        Assert.Equal(HttpStatusCode.BadRequest, filter.StatusCode);
        Assert.True((await Json(filter)).GetProperty("errors").TryGetProperty("seniority", out _));
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Import_is_all_or_nothing_and_idempotent(TestDatabaseKind kind)
    {
        var server = await servers.ServerAsync(kind);
        using var http = server.CreateClient();
        static MultipartFormDataContent File(string name, string csv)
        {
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", name);
            return form;
        }
        const string good = "external_id,client,platform,stage,at\ne-1,Acme,Upwork,Lead,2026-01-05\n" +
            "e-1,Acme,Upwork,FirstResponse,2026-01-06\n";
        var bad = await http.PostAsync("/api/v1/deals/import", File("bad.csv", good + "e-2,Beta,Upwork,Lead,not-a-date\n"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("bad.csv:4:5: 'not-a-date' is not an ISO-8601 date or date-time",
            (await Json(bad)).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(0, (await Json(await http.GetAsync("/api/v1/deals"))).GetArrayLength());

        var first = await Json(await http.PostAsync("/api/v1/deals/import", File("good.csv", good)));
        Assert.Equal(2, first.GetProperty("eventsAdded").GetInt32());
        var second = await Json(await http.PostAsync("/api/v1/deals/import", File("good.csv", good)));
        Assert.Equal((0, 2), (second.GetProperty("eventsAdded").GetInt32(), second.GetProperty("eventsAlreadyPresent").GetInt32()));

        var export = await http.GetStringAsync("/api/v1/deals/export");
        Assert.StartsWith("external_id,client,platform,stage,at", export);
        Assert.Contains("e-1,Acme,Upwork,FirstResponse,2026-01-06T00:00:00Z", export);
    }

    [Fact]
    public async Task Pipeline_report_and_charts_over_the_demo_portfolio()
    {
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite, demo: true);
        using var http = server.CreateClient();
        var report = await Json(await http.GetAsync("/api/v1/pipeline/report"));
        Assert.Equal(137, report.GetProperty("deals").GetInt32());
        Assert.Equal(8, report.GetProperty("stages").GetArrayLength());
        var svg = await http.GetAsync("/api/v1/pipeline/report/chart/durations.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync());
        var png = await http.GetByteArrayAsync("/api/v1/pipeline/report/chart/funnel.png");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/v1/pipeline/report/chart/pie.svg")).StatusCode);
    }

    [Fact]
    public async Task Login_is_required_and_secrets_are_not_accepted_when_wrong()
    {
        var server = await servers.ServerAsync(TestDatabaseKind.Sqlite);
        using var anonymous = server.CreateAnonymousClient();
        var denied = await anonymous.GetAsync("/api/v1/deals");
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Equal("application/problem+json", denied.Content.Headers.ContentType!.MediaType);

        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "jd_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/deals")).StatusCode);

        using var browser = server.CreateAnonymousClient();
        var page = await browser.GetAsync("/deals");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery);

        // The owner has no password until the one-time setup link is used: there is no default password to try.
        Assert.Null(await Login(browser, "owner", ""));
    }

    private static async Task<string?> Login(HttpClient http, string user, string password)
    {
        var form = await http.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(form,
            "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await http.PostAsync("/login",
            new FormUrlEncodedContent(new Dictionary<string,
            string> { ["UserName"] = user, ["Password"] = password, ["__RequestVerificationToken"] = token }));
        return response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location?.ToString() : null;
    }
}
