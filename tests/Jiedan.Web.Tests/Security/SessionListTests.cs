using System.Net;
using System.Text.RegularExpressions;
using Jiedan.Accounts.Storage;
using Jiedan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Web.Tests.Security;

/// <summary>A phone is lost: from the laptop, the owner sees where they are logged in and ends the phone's session.</summary>
public partial class SessionListTests
{
    private const string Laptop = "Mozilla/5.0 (X11; Linux x86_64) Laptop-Firefox/133.0";
    private const string Phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1) Phone-Safari/605.1";

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task The_sessions_page_lists_each_login_and_logs_out_the_one_chosen_or_every_other(TestDatabaseKind kind)
    {
        await using var server = await JiedanTestServer.StartAsync(kind);
        await OwnerPassword.SetAsync(server);
        using var laptop = await LoggedInAsync(server, Laptop);
        using var phone = await LoggedInAsync(server, Phone);

        var page = await (await laptop.GetAsync("/account/sessions")).Content.ReadAsStringAsync();
        var rows = Rows(page);
        Assert.Equal(2, rows.Count);
        Assert.Contains("Laptop-Firefox/133.0", rows.Single(r => r.Current).Html);
        var phoneRow = rows.Single(r => !r.Current);
        Assert.Contains("Phone-Safari/605.1", phoneRow.Html);
        Assert.Contains("action=\"/account/sessions?handler=Revoke\"", phoneRow.Html);

        var revoked = await laptop.PostFormAsync("/account/sessions", Field("id", phoneRow.Id), "/account/sessions?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/v1/deals")).StatusCode);
        Assert.StartsWith("/login", (await phone.GetAsync("/deals")).Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/deals")).StatusCode);
        Assert.Single(Rows(await (await laptop.GetAsync("/account/sessions")).Content.ReadAsStringAsync()));

        using var phoneAgain = await LoggedInAsync(server, Phone);
        using var tablet = await LoggedInAsync(server, "Tablet/1.0");
        var others = await laptop.PostFormAsync("/account/sessions", Field("unused", ""), "/account/sessions?handler=RevokeOthers");
        Assert.Equal(HttpStatusCode.Redirect, others.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phoneAgain.GetAsync("/api/v1/deals")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tablet.GetAsync("/api/v1/deals")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/v1/deals")).StatusCode);
    }

    [Fact]
    public async Task A_session_id_of_another_user_is_not_revoked_and_a_post_without_the_form_token_is_refused()
    {
        await using var server = await JiedanTestServer.StartAsync(TestDatabaseKind.Sqlite);
        await OwnerPassword.SetAsync(server);
        using var laptop = await LoggedInAsync(server, Laptop);
        var id = Rows(await (await laptop.GetAsync("/account/sessions")).Content.ReadAsStringAsync()).Single().Id;
        using (var scope = server.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var owner = await accounts.OwnerIdAsync(default);
            var sessionId = long.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
            Assert.False(await accounts.RevokeSessionAsync(owner + 1, sessionId, default));
            Assert.Single(await accounts.ListSessionsAsync(owner, null, default));
        }
        var forged = new HttpRequestMessage(HttpMethod.Post, "/account/sessions?handler=RevokeOthers")
        {
            Content = new FormUrlEncodedContent([]),
        };
        Assert.Equal(HttpStatusCode.BadRequest, (await laptop.SendAsync(forged)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/deals")).StatusCode);
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_session_unused_for_a_week_stops_working_and_the_next_login_deletes_it_with_the_ended_ones(TestDatabaseKind kind)
    {
        await using var server = await JiedanTestServer.StartAsync(kind);
        await OwnerPassword.SetAsync(server);
        using var old = await LoggedInAsync(server, "Old/1.0");
        using var ended = await LoggedInAsync(server, "Ended/1.0");
        await ended.PostFormAsync("/deals", new Dictionary<string, string>(), postPath: "/logout");
        using (var scope = server.Services.CreateScope())
        {
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var weekAgo = now - AccountService.SessionIdleLimit - TimeSpan.FromHours(1);
            var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
            await db.Sessions.Where(s => s.Client == "Old/1.0")
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedAt, weekAgo).SetProperty(x => x.LastSeenAt, weekAgo));
            scope.ServiceProvider.GetRequiredService<SessionCache>().ForgetUser(await OwnerIdAsync(server));
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/v1/deals")).StatusCode);

        using var fresh = await LoggedInAsync(server, "Fresh/1.0");
        using (var scope = server.Services.CreateScope())
        {
            var clients = await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Sessions.Select(s => s.Client).ToListAsync();
            Assert.Equal("Fresh/1.0", Assert.Single(clients));
        }
        Assert.Single(Rows(await (await fresh.GetAsync("/account/sessions")).Content.ReadAsStringAsync()));
    }

    private static async Task<DashboardSession> LoggedInAsync(JiedanTestServer server, string userAgent)
    {
        var session = new DashboardSession(server.BaseAddress) { Headers = { ["User-Agent"] = userAgent } };
        await session.LoginAsync(OwnerPassword.Value);
        return session;
    }

    private static async Task<long> OwnerIdAsync(JiedanTestServer server)
    {
        using var scope = server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AccountService>().OwnerIdAsync(default);
    }

    private static Dictionary<string, string> Field(string name, string value) => new() { [name] = value };

    private static List<(string Id, bool Current, string Html)> Rows(string page) =>
        [.. SessionRow().Matches(page).Select(m => (m.Groups[1].Value, m.Groups[2].Value.Contains("<strong>", StringComparison.Ordinal),
            m.Groups[2].Value))];

    [GeneratedRegex("<tr data-session=\"(\\d+)\">(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex SessionRow();
}
