using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Jiedan.Testing;

/// <summary>
/// A PostgreSQL server of this test's own, on a free 127.0.0.1 port in a temporary directory, for tests that stop and
/// restart the database (the shared server in <c>JIEDAN_TEST_PG</c> serves every other test and must stay up).
/// Started like scripts/test.sh does: initdb and pg_ctl from /usr/lib/postgresql/*/bin, as the <c>postgres</c> user when
/// running as root (PostgreSQL refuses root). Stopped and deleted on dispose.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;

    private PrivatePostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = "postgres", Database = "postgres", Timeout = 3,
    }.ConnectionString;

    private string Data => Path.Combine(_folder, "data");

    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .LastOrDefault() ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql");
        var folder = Directory.CreateTempSubdirectory("jiedan-private-pg-").FullName;
        if (Environment.UserName == "root") await RunAsync("chown", ["postgres:postgres", folder]);
        var server = new PrivatePostgres(bin, folder, FreePort());
        await AsPostgresAsync($"'{bin}/initdb' -D '{server.Data}' -A trust -U postgres -E UTF8 --no-sync");
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Stops the server the way an administrator would (<c>pg_ctl stop -m fast</c>: connections are cut).</summary>
    public Task StopAsync() => AsPostgresAsync($"'{_bin}/pg_ctl' -D '{Data}' -m fast -w stop");

    /// <summary>Starts the server again on the same port and data directory.</summary>
    public Task StartAgainAsync() => AsPostgresAsync(
        $"'{_bin}/pg_ctl' -D '{Data}' -l '{_folder}/log' -w -o \"-h 127.0.0.1 -p {Port} -k '{_folder}' -c fsync=off\" start");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try { await AsPostgresAsync($"'{_bin}/pg_ctl' -D '{Data}' -m immediate -w stop"); }
        catch (InvalidOperationException) { /* already stopped */ }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task AsPostgresAsync(string command) => Environment.UserName == "root"
        ? RunAsync("su", ["postgres", "-s", "/bin/bash", "-c", command])
        : RunAsync("/bin/bash", ["-c", command]);

    private static async Task RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: " +
                $"{await error}{await output}");
    }
}
