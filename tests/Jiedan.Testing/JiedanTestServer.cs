using System.Net.Http.Headers;
using Jiedan.Data.Accounts;
using Jiedan.Web.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Jiedan.Testing;

/// <summary>
/// The real application on Kestrel at 127.0.0.1 on a free port: requests go through the whole HTTP pipeline.
/// Owns its database unless one is passed in. <see cref="CreateClient"/> is authenticated with a fresh API token.
/// </summary>
public sealed class JiedanTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TestDatabase? _ownedDatabase;
    private readonly string _token;

    private JiedanTestServer(WebApplication app, TestDatabase database, bool owned, Uri baseAddress, string token, string? setupToken)
    {
        _app = app;
        Database = database;
        _ownedDatabase = owned ? database : null;
        BaseAddress = baseAddress;
        _token = token;
        SetupToken = setupToken;
    }

    public Uri BaseAddress { get; }
    public TestDatabase Database { get; }
    public IServiceProvider Services => _app.Services;
    public string ApiToken => _token;
    /// <summary>The one-time owner setup token announced at first start (null if the owner already had a password).</summary>
    public string? SetupToken { get; }

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
        var announcements = new StringWriter();
        var app = JiedanApp.Build(new JiedanAppOptions(database.Target)
        {
            Urls = ["http://127.0.0.1:0"],
            SeedDemoData = demo,
            Announcements = announcements,
            EnvironmentName = "Testing",
            Settings = settings ?? new Dictionary<string, string?>(),
        });
        await JiedanApp.PrepareAsync(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        string token;
        using (var scope = app.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            token = await accounts.CreateApiTokenAsync(await accounts.OwnerIdAsync(default), "tests", default);
        }
        var setup = announcements.ToString().Split("token=", 2) is [_, var rest] ? rest.Split('\n')[0].Trim() : null;
        return new JiedanTestServer(app, database, owned, new Uri(address), token, setup);
    }

    /// <summary>An HttpClient for this server, authenticated with an API token.</summary>
    public HttpClient CreateClient()
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return client;
    }

    public HttpClient CreateAnonymousClient() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownedDatabase is not null) await _ownedDatabase.DisposeAsync();
    }
}
