namespace Jiedan.Testing;

/// <summary>
/// One server per test class and database kind, started on first use; each test gets it back emptied
/// (<see cref="JiedanTestServer.ResetAsync"/>). Use as <c>IClassFixture&lt;JiedanServerFixture&gt;</c> in classes whose
/// tests need only the default settings; tests with special settings (rate limits, proxies), crashes or outages start
/// their own server.
/// </summary>
public sealed class JiedanServerFixture : IAsyncDisposable
{
    private readonly Dictionary<TestDatabaseKind, Task<JiedanTestServer>> _servers = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The class's server on <paramref name="kind"/>, reset for the calling test.</summary>
    public async Task<JiedanTestServer> ServerAsync(TestDatabaseKind kind)
    {
        await _gate.WaitAsync();
        try
        {
            if (_servers.TryGetValue(kind, out var started))
            {
                var server = await started;
                await server.ResetAsync();
                return server;
            }
            var starting = JiedanTestServer.StartAsync(kind);
            _servers[kind] = starting;
            return await starting;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers.Values)
        {
            if (server.IsCompletedSuccessfully) await (await server).DisposeAsync();
        }
        _gate.Dispose();
    }
}
