using System.Net;
using System.Net.Http.Headers;
using Jiedan.Accounts.Storage;
using Jiedan.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Web.Tests.Security;

/// <summary>Someone copied the auth cookie (or holds an old token): logging out, a new password or revocation must end it.</summary>
public class SessionRevocationTests
{
    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_cookie_captured_before_logout_no_longer_works_after_it(TestDatabaseKind kind)
    {
        await using var server = await JiedanTestServer.StartAsync(kind);
        await OwnerPassword.SetAsync(server);
        using var owner = new DashboardSession(server.BaseAddress);
        await owner.LoginAsync(OwnerPassword.Value);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/deals")).StatusCode);
        var stolen = owner.Cookies["jiedan.auth"];

        var logout = await owner.PostFormAsync("/deals", new Dictionary<string, string>(), postPath: "/logout");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.False(owner.Cookies.ContainsKey("jiedan.auth"));

        using var thief = new DashboardSession(server.BaseAddress);
        thief.Cookies["jiedan.auth"] = stolen;
        var page = await thief.GetAsync("/deals");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery);
        thief.Cookies["jiedan.auth"] = stolen;
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/v1/deals")).StatusCode);
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_password_reset_through_a_setup_link_ends_every_older_session(TestDatabaseKind kind)
    {
        await using var server = await JiedanTestServer.StartAsync(kind);
        await OwnerPassword.SetAsync(server);
        using var laptop = new DashboardSession(server.BaseAddress);
        using var phone = new DashboardSession(server.BaseAddress);
        await laptop.LoginAsync(OwnerPassword.Value);
        await phone.LoginAsync(OwnerPassword.Value);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/v1/deals")).StatusCode);

        var link = await server.IssueSetupTokenAsync();
        using var reset = new DashboardSession(server.BaseAddress);
        var done = await reset.PostFormAsync($"/setup?token={link}",
            new Dictionary<string, string> { ["Token"] = link, ["Password"] = "a new password!", ["Confirm"] = "a new password!" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/v1/deals")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/deals")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reset.GetAsync("/deals")).StatusCode); // the session that set the password
    }

    [Fact]
    public async Task A_revoked_api_token_is_refused_and_listed_without_its_secret()
    {
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite);
        using var api = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/deals")).StatusCode);

        using (var scope = server.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var listed = Assert.Single(await accounts.ListApiTokensAsync(default));
            Assert.Equal("tests", listed.Name);
            Assert.NotNull(listed.LastUsedAt);
            Assert.Equal(1, await accounts.RevokeApiTokenAsync("tests", default));
        }
        var refused = await api.GetAsync("/api/v1/deals");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var other = server.CreateAnonymousClient();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.ApiToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.PostAsync("/api/v1/deals",
            new StringContent("{\"client\":\"x\",\"platform\":\"Upwork\"}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
    }
}
