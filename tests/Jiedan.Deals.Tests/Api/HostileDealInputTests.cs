using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jiedan.Domain.Deals;
using Jiedan.Testing;

namespace Jiedan.Deals.Tests.Api;

/// <summary>Over-long fields, broken encodings and formula cells sent to a running server over real HTTP.</summary>
public sealed class HostileDealInputTests(JiedanServerFixture servers) : IClassFixture<JiedanServerFixture>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<string> FieldError(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return (await Json(response)).GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    private static MultipartFormDataContent File(string name, byte[] content)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", name);
        return form;
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task OverLongFields_AreRefusedWithProblemJsonNamingTheField(TestDatabaseKind kind)
    {
        var server = await servers.ServerAsync(kind);
        using var http = server.CreateClient();

        Task<HttpResponseMessage> Create(object deal) => http.PostAsJsonAsync("/api/v1/deals", deal);
        var (client, notes) = (new string('c', 1_000_000), new string('n', 20_000_000));
        Assert.Equal("client must be at most 200 characters",
            await FieldError(await Create(new { client, platform = "Upwork" }), "client"));
        Assert.Equal("notes must be at most 10000 characters",
            await FieldError(await Create(new { client = "Acme", platform = "Upwork", notes }), "notes"));
        Assert.Equal("externalId must be at most 64 characters",
            await FieldError(await Create(new { client = "Acme", platform = "Upwork", externalId = new string('e', 65) }), "externalId"));
        Assert.Equal("each tag must be at most 64 characters",
            await FieldError(await Create(new { client = "Acme", platform = "Upwork", tags = new[] { new string('t', 65) } }), "tags"));

        var id = (await Json(await Create(new { client = "Acme", platform = "Upwork" }))).GetProperty("id").GetInt64();
        var move = new { stage = "Lost", reason = new string('r', 1001) };
        Assert.Equal("reason must be at most 1000 characters",
            await FieldError(await http.PostAsJsonAsync($"/api/v1/deals/{id}/move", move), "reason"));

        var csv = $"external_id,client,platform,stage,at\nx-1,{new string('c', 201)},Upwork,Lead,2026-01-05\n";
        var import = await http.PostAsync("/api/v1/deals/import", File("long.csv", Encoding.UTF8.GetBytes(csv)));
        Assert.Equal("long.csv:2:2: client must be at most 200 characters", await FieldError(import, "file"));

        var deals = await Json(await http.GetAsync("/api/v1/deals"));
        Assert.Equal(1, deals.GetArrayLength());
        Assert.Equal("Lead", deals[0].GetProperty("stage").GetString());
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task InvalidUtf8Import_NamesLineAndColumn_AndWritesNothing(TestDatabaseKind kind)
    {
        var server = await servers.ServerAsync(kind);
        using var http = server.CreateClient();
        var bytes = Encoding.UTF8.GetBytes(
            "external_id,client,platform,stage,at\nx-1,Acme,Upwork,Lead,2026-01-05\nx-2,Be?a,Upwork,Lead,2026-01-05\n");
        bytes[Array.LastIndexOf(bytes, (byte)'?')] = 0xC3;
        var response = await http.PostAsync("/api/v1/deals/import", File("latin1.csv", bytes));
        Assert.Equal("latin1.csv:3:7: invalid UTF-8 (save the file as UTF-8)", await FieldError(response, "file"));
        Assert.Equal(0, (await Json(await http.GetAsync("/api/v1/deals"))).GetArrayLength());
    }

    [Fact]
    public async Task CsvExport_NeutralisesFormulaCells_AndReimportRestoresThem()
    {
        var server = await servers.ServerAsync(TestDatabaseKind.Sqlite);
        using var http = server.CreateClient();
        const string formula = "=HYPERLINK(\"http://evil.example\",\"x\")";
        foreach (var (client, id) in new[] { (formula, "f-1"), ("+cmd|' /C calc'!A0", "f-2"), ("@SUM(1)", "f-3") })
        {
            var created = await http.PostAsJsonAsync("/api/v1/deals", new { client, platform = "Upwork", externalId = id });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var export = await http.GetStringAsync("/api/v1/deals/export");
        using (var csv = new CsvHelper.CsvReader(new StringReader(export), System.Globalization.CultureInfo.InvariantCulture))
        {
            csv.Read();
            csv.ReadHeader();
            var cells = new List<string>();
            while (csv.Read()) cells.Add(csv.GetField("client")!);
            Assert.Equal(["'" + formula, "'+cmd|' /C calc'!A0", "'@SUM(1)"], cells);
        }

        await using var other = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite);
        using var otherHttp = other.CreateClient();
        var imported = await otherHttp.PostAsync("/api/v1/deals/import", File("export.csv", Encoding.UTF8.GetBytes(export)));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var clients = (await Json(await otherHttp.GetAsync("/api/v1/deals"))).EnumerateArray()
            .Select(d => d.GetProperty("client").GetString())
            .ToList();
        Assert.Contains(formula, clients);
        Assert.Equal(export, await otherHttp.GetStringAsync("/api/v1/deals/export"));
    }

    [Fact]
    public async Task NewDealForm_RefusesOverLongNotesServerSide_AndAdvertisesMaxLength()
    {
        var server = await servers.ServerAsync(TestDatabaseKind.Sqlite);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = server.BaseAddress,
        };
        const string password = "a long owner password";
        await PostForm(browser, $"/setup?token={await server.IssueSetupTokenAsync()}",
            new() { ["Password"] = password, ["Confirm"] = password });

        var page = await browser.GetStringAsync("/deals/new");
        Assert.Contains($"maxlength=\"{DealFieldLimits.Notes}\"", page);
        Assert.Contains($"maxlength=\"{DealFieldLimits.Client}\"", page);
        var response = await PostForm(browser, "/deals/new",
            new() { ["Client"] = "Acme", ["Platform"] = "Upwork", ["Notes"] = new string('n', 10_001) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("notes must be at most 10000 characters", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, (await Json(await server.CreateClient().GetAsync("/api/v1/deals"))).GetArrayLength());
    }

    private static async Task<HttpResponseMessage> PostForm(HttpClient http, string path, Dictionary<string, string> fields)
    {
        var form = await http.GetStringAsync(path);
        var antiforgery = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        fields["__RequestVerificationToken"] = antiforgery.Groups[1].Value;
        if (Regex.Match(form, "name=\"Token\" value=\"([^\"]*)\"") is { Success: true } token) fields["Token"] = token.Groups[1].Value;
        return await http.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}
