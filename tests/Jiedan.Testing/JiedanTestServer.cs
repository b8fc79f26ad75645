using System.Net.Http.Headers;
using Jiedan.Accounts.Storage;
using Jiedan.Web.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Testing;

/// <summary>
/// The real application on Kestrel at 127.0.0.1 on a free port: requests go through the whole HTTP pipeline.
/// Owns its database unless one is passed in. <see cref="CreateClient"/> is authenticated with a fresh API token.
/// Shared by the tests of one class through <see cref="JiedanServerFixture"/>, which calls <see cref="ResetAsync"/>.
/// </summary>
public sealed class JiedanTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TestDatabase? _ownedDatabase;

    private JiedanTestServer(WebApplication app, TestDatabase database, bool owned, Uri baseAddress, string token)
    {
        _app = app;
        Database = database;
        _ownedDatabase = owned ? database : null;
        BaseAddress = baseAddress;
        ApiToken = token;
    }

    public Uri BaseAddress { get; }
    public TestDatabase Database { get; }
    public IServiceProvider Services => _app.Services;
    public string ApiToken { get; private set; }

    public static async Task<JiedanTestServer> StartAsync(TestDatabaseKind kind, bool demo = false,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(kind);
        return await StartAsync(database, owned: true, demo, settings);
    }

    /// <param name="settings">Configuration for this server only (rate limits, trusted proxies, metrics token).</param>
    public static async Task<JiedanTestServer> StartAsync(TestDatabase database, bool owned = false, bool demo = false,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = JiedanApp.Build(new JiedanAppOptions(database.Target)
        {
            Urls = ["http://127.0.0.1:0"],
            SeedDemoData = demo,
            EnvironmentName = "Testing",
            Settings = settings ?? new Dictionary<string, string?>(),
        });
        await JiedanApp.PrepareAsync(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var token = await CreateApiTokenAsync(app.Services);
        return new JiedanTestServer(app, database, owned, new Uri(address), token);
    }

    /// <summary>
    /// Back to a first start: every table emptied, then prepared as at start-up (owner without a password, demo data if
    /// the server seeds it) and a new API token for <see cref="CreateClient"/>.
    /// </summary>
    public async Task ResetAsync()
    {
        await Database.ResetAsync();
        await JiedanApp.PrepareAsync(_app);
        ApiToken = await CreateApiTokenAsync(_app.Services);
    }

    /// <summary>A fresh one-time owner setup token from the account service (what `jiedan admin setup-link` prints).</summary>
    public async Task<string> IssueSetupTokenAsync()
    {
        using var scope = Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        return await accounts.IssueSetupTokenAsync(await accounts.OwnerIdAsync(default), default);
    }

    /// <summary>Sets the owner's password in-process (the setup page itself is tested by the tests that post to it).</summary>
    public async Task SetOwnerPasswordAsync(string password)
    {
        var token = await IssueSetupTokenAsync();
        using var scope = Services.CreateScope();
        var (user, error) = await scope.ServiceProvider.GetRequiredService<AccountService>().CompleteSetupAsync(token, password, default);
        if (user is null) throw new InvalidOperationException(error);
    }

    /// <summary>An HttpClient for this server, authenticated with an API token.</summary>
    public HttpClient CreateClient()
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiToken);
        return client;
    }

    public HttpClient CreateAnonymousClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownedDatabase is not null) await _ownedDatabase.DisposeAsync();
    }

    private static async Task<string> CreateApiTokenAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        return await accounts.CreateApiTokenAsync(await accounts.OwnerIdAsync(default), "tests", default);
    }
}
