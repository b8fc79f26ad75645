using System.Net;
using Jiedan.Accounts;
using Jiedan.Accounts.Storage;
using Jiedan.Bot.Tests.Web;
using Jiedan.Common.Cli;
using Jiedan.Testing;
using Jiedan.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Web.Tests.Host;

/// <summary>
/// Real <c>jiedan serve</c> processes, each with a home folder of its own (two machines, or a container restarted with
/// an empty one): the data-protection key ring lives in the database, so a login cookie and a form token issued by one
/// process are accepted by another on the same database, and by the same database after a restart.
/// </summary>
public class SharedKeyRingTests
{
    [Fact]
    public async Task A_login_on_one_instance_works_on_another_on_the_same_postgres_and_survives_the_first_stopping()
    {
        await using var database = await TestDatabase.PostgresAsync();
        using var homeA = new TempHome();
        using var homeB = new TempHome();
        await using var a = ServeProcess.Start(database.Argument, homeA.Environment);
        using (var probe = new HttpClient()) await a.WaitHealthyAsync(probe);
        await using var b = ServeProcess.Start(database.Argument, homeB.Environment);
        using (var probe = new HttpClient()) await b.WaitHealthyAsync(probe);

        await SetOwnerPasswordAsync(database.Argument);
        using var onA = new DashboardSession(a.BaseAddress);
        await onA.LoginAsync(OwnerPassword.Value);
        var token = await onA.FormTokenAsync("/deals/new"); // the form and its antiforgery cookie come from A
        using var onB = new DashboardSession(b.BaseAddress);
        foreach (var (name, value) in onA.Cookies) onB.Cookies[name] = value;

        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/deals")).StatusCode);
        await AssertDealCreatedAsync(onB, token, "posted to B with A's form token");
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/v1/deals")).StatusCode);

        a.KillHard();
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/deals")).StatusCode);
        await AssertDealCreatedAsync(onB, await onB.FormTokenAsync("/deals/new"), "after A stopped");

        Assert.True(await KeyCountAsync(database.Argument) >= 1);
        Assert.False(homeA.HasAspNetKeys || homeB.HasAspNetKeys, "a key ring was written to a home folder");
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task A_cookie_from_before_a_restart_with_an_empty_home_is_still_accepted_after_it(TestDatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        Dictionary<string, string> cookies;
        string token;
        using (var home = new TempHome())
        {
            await using var before = ServeProcess.Start(database.Argument, home.Environment);
            using (var probe = new HttpClient()) await before.WaitHealthyAsync(probe);
            await SetOwnerPasswordAsync(database.Argument);
            using var onBefore = new DashboardSession(before.BaseAddress);
            await onBefore.LoginAsync(OwnerPassword.Value);
            token = await onBefore.FormTokenAsync("/deals/new");
            cookies = new Dictionary<string, string>(onBefore.Cookies);
            before.KillHard();
            Assert.False(home.HasAspNetKeys, "a key ring was written to the home folder");
        }

        using var newHome = new TempHome();
        await using var after = ServeProcess.Start(database.Argument, newHome.Environment);
        using (var probe = new HttpClient()) await after.WaitHealthyAsync(probe);
        using var onAfter = new DashboardSession(after.BaseAddress);
        foreach (var (name, value) in cookies) onAfter.Cookies[name] = value;
        Assert.Equal(HttpStatusCode.OK, (await onAfter.GetAsync("/deals")).StatusCode);
        await AssertDealCreatedAsync(onAfter, token, "with the form token from before the restart");
        Assert.True(await KeyCountAsync(database.Argument) >= 1);
        Assert.False(newHome.HasAspNetKeys, "a key ring was written to the home folder");
    }

    private static async Task AssertDealCreatedAsync(DashboardSession session, string token, string what)
    {
        var fields = new Dictionary<string, string>
        {
            ["Client"] = "Shared key ring", ["Platform"] = "Upwork", ["Category"] = "ApiService", ["Seniority"] = "Mid",
            ["__RequestVerificationToken"] = token,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/deals/new") { Content = new FormUrlEncodedContent(fields) };
        var response = await session.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{what}: {(int)response.StatusCode}");
        Assert.Matches("^/deals/[0-9]+$", response.Headers.Location!.OriginalString);
    }

    /// <summary>As <c>jiedan admin setup-link</c> then the setup page: through the account service, on the shared database.</summary>
    private static async Task SetOwnerPasswordAsync(string db)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = await CliServices.OpenAsync(db, AccountsModule.RegisterData, ct);
        using var scope = services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var setup = await accounts.IssueSetupTokenAsync(await accounts.OwnerIdAsync(ct), ct);
        var (user, error) = await accounts.CompleteSetupAsync(setup, OwnerPassword.Value, ct);
        Assert.True(user is not null, error);
    }

    private static async Task<int> KeyCountAsync(string db)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = await CliServices.OpenAsync(db, AccountsModule.RegisterData, ct);
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<KeyRingDbContext>().DataProtectionKeys.CountAsync(ct);
    }

    /// <summary>An empty home folder for one process: where ASP.NET Core would put its key ring if not told otherwise.</summary>
    private sealed class TempHome : IDisposable
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("jiedan-home-");

        public Dictionary<string, string> Environment => new() { ["HOME"] = _folder.FullName };

        public bool HasAspNetKeys
        {
            get
            {
                var keys = Path.Combine(_folder.FullName, ".aspnet", "DataProtection-Keys");
                return Directory.Exists(keys) && Directory.EnumerateFileSystemEntries(keys).Any();
            }
        }

        public void Dispose() => _folder.Delete(recursive: true);
    }
}
