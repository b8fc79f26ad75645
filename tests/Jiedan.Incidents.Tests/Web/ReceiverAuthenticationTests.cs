using System.Net;
using Jiedan.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Incidents.Tests.Web;

/// <summary>
/// The receiver checks Alertmanager's bearer token itself: the app's API-token scheme must not look that token up as an
/// API token (a database query and a failed-login log line on every alert). Its own check still refuses a wrong token.
/// </summary>
public class ReceiverAuthenticationTests
{
    [Fact]
    public async Task An_alert_token_is_never_looked_up_as_an_API_token_and_a_wrong_one_is_still_401()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ReceiverHost.StartAsync(TestDatabaseKind.Sqlite, ct);
        using var client = server.CreateAnonymousClient();
        var json = Payloads.Firing(new Payloads.TestAlert("NodeDiskSpaceLow", "6f1c2a9e0b3d4c5a"));

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ReceiverHost.Post(json), ct)).StatusCode);
        using var wrong = await client.SendAsync(ReceiverHost.Post(json, token: "not-the-token"), ct);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("Bearer", wrong.Headers.WwwAuthenticate.Single().Scheme);

        // The app's own authentication of such a request: under /alerts the bearer header is not an API token (no
        // handler runs, nothing fails); the same header on the API is looked up and refused.
        Assert.Null((await AuthenticateAsync(server, "/alerts/alertmanager/prod", ReceiverHost.Token)).Failure);
        Assert.True((await AuthenticateAsync(server, "/alerts/alertmanager/prod", ReceiverHost.Token)).None);
        var api = await AuthenticateAsync(server, "/api/v1/deals", ReceiverHost.Token);
        Assert.Equal("invalid or revoked API token", api.Failure?.Message);

        // The incident pages are the owner's: anonymous requests are sent to the login page, an unknown incident is 404.
        var incident = Assert.Single(await ReceiverHost.AlertmanagerIncidentsAsync(server, ct));
        using var anonymous = await client.GetAsync($"/incidents/{incident.Id}", ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/login", anonymous.Headers.Location!.OriginalString);
        using var owner = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/incidents/{incident.Id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/incidents/999999", ct)).StatusCode);
    }

    private static async Task<AuthenticateResult> AuthenticateAsync(JiedanTestServer server, string path, string token)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Path = path;
        context.Request.Method = "POST";
        context.Request.Headers.Authorization = "Bearer " + token;
        return await context.AuthenticateAsync();
    }
}
