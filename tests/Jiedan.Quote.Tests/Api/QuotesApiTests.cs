using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jiedan.Testing;

namespace Jiedan.Quote.Tests.Api;

/// <summary>/api/v1/quotes through Kestrel on 127.0.0.1, on SQLite and on PostgreSQL.</summary>
public class QuotesApiTests(JiedanServerFixture servers) : IClassFixture<JiedanServerFixture>
{
    // The documented example without comments; priced by hand in QuoteCalculatorTests: expected $57,214.37.
    private const string Spec = """
        title: 订单履约服务 Order fulfilment API
        platform: upwork
        seniority: senior
        size: { lines: 12480 }
        function_points:
          - feature: Place order
            chain: OrderCreated → InventoryDeduct → ShipmentScheduled
            steps: { OrderCreated: EI average, InventoryDeduct: ILF average, ShipmentScheduled: EO high }
          - feature: Track order
            chain: ShipmentScheduled → TrackingQueried → CarrierFeed
            steps: { TrackingQueried: EQ low, CarrierFeed: EIF low }
        sla: { p99_ms: 150, uptime_percent: 99.95 }
        tech_debt: { ratio_percent: 10 }
        """;

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_posted_spec_is_computed_stored_and_found_by_id_and_deal(TestDatabaseKind kind)
    {
        var server = await servers.ServerAsync(kind);
        using var client = server.CreateClient();
        var deal = await client.PostAsJsonAsync("/api/v1/deals", new { client = "ACME", platform = "Upwork", seniority = "Senior" });
        Assert.Equal(HttpStatusCode.Created, deal.StatusCode);
        var dealId = (await deal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var created = await client.PostAsync($"/api/v1/quotes?dealId={dealId}", Yaml(Spec));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var quote = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(57214.37m, quote.GetProperty("price").GetProperty("expected").GetDecimal());
        Assert.Equal(dealId, quote.GetProperty("dealId").GetInt64());
        var id = quote.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/quotes/{id}", created.Headers.Location!.ToString());

        var found = await client.GetFromJsonAsync<JsonElement>($"/api/v1/quotes/{id}");
        Assert.Equal(497.3, found.GetProperty("effortHours").GetDouble());
        Assert.Equal("订单履约服务 Order fulfilment API", found.GetProperty("title").GetString());

        var onDeal = await client.GetFromJsonAsync<JsonElement>($"/api/v1/quotes?dealId={dealId}");
        Assert.Equal(id, onDeal.EnumerateArray().Single().GetProperty("id").GetInt64());

        Assert.Equal(Spec, await client.GetStringAsync($"/api/v1/quotes/{id}/spec"));
    }

    [Fact]
    public async Task Json_specs_work_and_preview_stores_nothing()
    {
        var server = await servers.ServerAsync(TestDatabaseKind.Sqlite);
        using var client = server.CreateClient();
        var json = """{"platform":"mashi","seniority":"mid","size":{"lines":5000},"sla":{"p99_ms":300,"uptime_percent":99.9}}""";

        var preview = await client.PostAsync("/api/v1/quotes/preview", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var quote = await preview.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("CNY", quote.GetProperty("currency").GetString());
        Assert.Equal(JsonValueKind.Null, quote.GetProperty("id").ValueKind);
        // 5 000 lines × 0.04 = 200 h; silver 200 × 1.15 = 230 h; (0.30 × 200 + 0.25 × 230) / 0.55 = 213.6 h;
        // 码市 mid ¥600–1 200, middle ¥900; × 1.08 → 213.6 × 900 × 1.08 = ¥207 619.20
        Assert.Equal(213.6, quote.GetProperty("effortHours").GetDouble());
        Assert.Equal(207619.20m, quote.GetProperty("price").GetProperty("expected").GetDecimal());
        // COCOMO's 1 977 h for 5 KLOC is 9.3× the blend: flagged, with what each side assumes in both languages.
        var cross = quote.GetProperty("crossCheck");
        Assert.True(cross.GetProperty("disagrees").GetBoolean());
        Assert.InRange(cross.GetProperty("ratio").GetDouble(), 9.2, 9.3);
        Assert.Contains("own", cross.GetProperty("noteEn").GetString());
        Assert.Contains("行业参数", cross.GetProperty("noteZh").GetString());
        Assert.Equal(JsonValueKind.Null, quote.GetProperty("effortRange").ValueKind); // default factors: nothing measured
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/quotes/1")).StatusCode);
    }

    [Theory]
    [InlineData("platform: upwork\nseniority: senior\nsize: {lines: 10}\nsla:\n  p99_ms: 100\n  uptime_percent: 101\n",
        "sla.uptime_percent", 6)]
    [InlineData("platform: upwork\nseniority: senior\nsize: {lines: 10}\nsla:\n  p99_ms: 0\n  uptime_percent: 99\n", "sla.p99_ms", 5)]
    [InlineData("platform: nowhere\nseniority: senior\nsize: {lines: 10}\nsla: {p99_ms: 100, uptime_percent: 99}\n", "platform", 1)]
    [InlineData("platform: upwork\nseniority: senior\nsize: [lines\n", "(yaml)", 4)] // YamlDotNet marks the end of input
    public async Task A_bad_spec_is_a_problem_naming_the_field_and_nothing_is_stored(string yaml, string field, int line)
    {
        var server = await servers.ServerAsync(TestDatabaseKind.Sqlite);
        using var client = server.CreateClient();

        var response = await client.PostAsync("/api/v1/quotes", Yaml(yaml));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.StartsWith($"line {line}, column", message);
        Assert.Equal(line, problem.GetProperty("line").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/quotes/1")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_deal_is_a_problem_on_dealId()
    {
        var server = await servers.ServerAsync(TestDatabaseKind.Sqlite);
        using var client = server.CreateClient();

        var response = await client.PostAsync("/api/v1/quotes?dealId=999", Yaml(Spec));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("deal 999 does not exist", problem.GetProperty("errors").GetProperty("dealId")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/quotes/1")).StatusCode);
    }

    [Fact]
    public async Task The_pdf_proposal_downloads_with_chinese_text()
    {
        var server = await servers.ServerAsync(TestDatabaseKind.Sqlite);
        using var client = server.CreateClient();
        var created = await (await client.PostAsync("/api/v1/quotes", Yaml(Spec))).Content.ReadFromJsonAsync<JsonElement>();

        var pdf = await client.GetAsync($"/api/v1/quotes/{created.GetProperty("id").GetInt64()}/pdf");

        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains("报价方案", text);
        Assert.Contains("$57,214.37", text);
        Assert.Contains("工时区间", text);  // the effort range row (not measured on the default factors)
        Assert.Contains("行业参数", text);  // COCOMO is 10× the blend: the note on what each assumes
    }

    [Fact]
    public async Task Quotes_need_login()
    {
        var server = await servers.ServerAsync(TestDatabaseKind.Sqlite);
        using var anonymous = server.CreateAnonymousClient();
        var response = await anonymous.PostAsync("/api/v1/quotes", Yaml(Spec));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
