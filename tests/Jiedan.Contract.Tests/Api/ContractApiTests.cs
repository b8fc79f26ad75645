using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jiedan.Domain.Contract;
using Jiedan.Testing;

namespace Jiedan.Contract.Tests.Api;

/// <summary>/api/v1/deals/{id}/contract over real HTTP, on SQLite and PostgreSQL.</summary>
public sealed class ContractApiTests(JiedanServerFixture servers) : IClassFixture<JiedanServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Put_stores_versions_and_get_serves_the_contract_history_and_downloads(TestDatabaseKind kind)
    {
        var server = await servers.ServerAsync(kind);
        using var client = server.CreateClient();
        var deal = await ApiDeals.CreateAsync(client, Ct);
        var url = $"/api/v1/deals/{deal}/contract";
        await AssertProblemAsync(await client.GetAsync(url, Ct), HttpStatusCode.NotFound);

        var first = await client.PutAsync(url, Yaml(ParityTests.SampleText), Ct);
        var changed = ParityTests.SampleText.Replace("max_length: 32", "max_length: 40", StringComparison.Ordinal);
        var second = await client.PutAsync(url, Yaml(changed), Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var latest = await client.GetFromJsonAsync<JsonElement>(url, Ct);
        Assert.Equal(2, latest.GetProperty("requirement").GetProperty("version").GetInt32());
        Assert.Equal(changed, latest.GetProperty("requirementYaml").GetString());
        Assert.True(latest.GetProperty("parity").GetProperty("complete").GetBoolean());
        Assert.Equal("orders.proto", latest.GetProperty("protoFileName").GetString());
        var older = await client.GetFromJsonAsync<JsonElement>(url + "?version=1", Ct);
        Assert.Equal(ParityTests.SampleText, older.GetProperty("requirementYaml").GetString());
        var history = await client.GetFromJsonAsync<JsonElement>(url + "/history", Ct);
        Assert.Equal([2, 1], history.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.All(history.EnumerateArray(), v => Assert.Equal("orders", v.GetProperty("service").GetString()));

        var contract = ContractGenerator.Generate(RequirementReader.Read(changed, "requirement.yml"));
        var openApi = await client.GetAsync(url + "/openapi.yaml", Ct);
        Assert.Equal("application/yaml", openApi.Content.Headers.ContentType!.MediaType);
        Assert.Equal(contract.OpenApiYaml, await openApi.Content.ReadAsStringAsync(Ct));
        Assert.Equal(contract.ProtoText, await client.GetStringAsync(url + "/orders.proto", Ct));
        await AssertProblemAsync(await client.GetAsync(url + "/other.proto", Ct), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_bad_requirement_is_400_at_line_and_column_and_nothing_is_stored(TestDatabaseKind kind)
    {
        var server = await servers.ServerAsync(kind);
        using var client = server.CreateClient();
        var deal = await ApiDeals.CreateAsync(client, Ct);
        var url = $"/api/v1/deals/{deal}/contract";

        var response = await client.PutAsync(url,
            Yaml(ParityTests.SampleText.Replace("type: integer", "type: integr", StringComparison.Ordinal)), Ct);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.StartsWith("line 10, column 29: ", problem.GetProperty("errors").GetProperty("requirement")[0].GetString(),
            StringComparison.Ordinal);
        Assert.Equal(10, problem.GetProperty("line").GetInt32());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>(url + "/history", Ct)).EnumerateArray());
    }

    [Fact]
    public async Task A_chunked_body_over_the_cap_is_refused_and_an_unknown_deal_is_404()
    {
        var server = await servers.ServerAsync(TestDatabaseKind.Sqlite);
        using var client = server.CreateClient();
        var deal = await ApiDeals.CreateAsync(client, Ct);
        var clock = Stopwatch.StartNew();

        // No Content-Length (chunked): the server must stop reading at 1 MiB by itself.
        using var body = new StreamContent(new LongYaml(3 << 20));
        body.Headers.ContentType = new("application/yaml");
        var response = await client.PutAsync($"/api/v1/deals/{deal}/contract", body, Ct);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("larger than 1024 KiB", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
        await AssertProblemAsync(await client.PutAsync("/api/v1/deals/424242/contract", Yaml(ParityTests.SampleText), Ct),
            HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await server.CreateAnonymousClient().GetAsync($"/api/v1/deals/{deal}/contract", Ct)).StatusCode);
    }

    /// <summary>A body of <paramref name="length"/> bytes of "x", of unknown length to the client (so sent chunked).</summary>
    private sealed class LongYaml(long length) : Stream
    {
        private long _left = length;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, _left);
            buffer.AsSpan(offset, n).Fill((byte)'x');
            _left -= n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
