using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Jiedan.Testing;

/// <summary>A deal created through the real API, for tests of what hangs off a deal.</summary>
public static class ApiDeals
{
    public static async Task<long> CreateAsync(HttpClient client, CancellationToken ct)
    {
        var created = await client.PostAsJsonAsync("/api/v1/deals",
            new { client = "Acme 客户", platform = "Upwork", category = "ApiService", seniority = "Mid" }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
    }
}
