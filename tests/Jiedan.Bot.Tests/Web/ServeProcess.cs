using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Jiedan.Bot.Tests.Web;

/// <summary>The real <c>jiedan serve</c> (the built CLI, run with <c>dotnet jiedan.dll</c>) as a child process.</summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public Uri BaseAddress { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }

    private ServeProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public static string CliDll
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jiedan.slnx"))) dir = dir.Parent;
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}",
                StringComparison.Ordinal) ? "Release" : "Debug";
            var dll = Path.Combine(dir?.FullName ?? ".", "src", "Jiedan.Cli", "bin", configuration, "net10.0", "jiedan.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"the CLI is not built: {dll}");
        }
    }

    public static ServeProcess Start(string db, IDictionary<string, string> environment)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { CliDll, "serve", "--db", db, "--urls", $"http://127.0.0.1:{port}" }) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment) info.Environment[k] = v;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(info)!;
        var self = new ServeProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => { lock (self._output) self._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (self._output) self._output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return self;
    }

    public async Task WaitHealthyAsync(HttpClient client)
    {
#pragma warning disable RS0030 // a wall-clock deadline for a real jiedan process
        var until = DateTime.UtcNow.AddSeconds(90);
#pragma warning restore RS0030
#pragma warning disable RS0030 // a wall-clock deadline for a real jiedan process
        while (DateTime.UtcNow < until)
#pragma warning restore RS0030
        {
            if (_process.HasExited) Assert.Fail($"jiedan serve exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync(new Uri(BaseAddress, "/health"))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        Assert.Fail($"jiedan serve did not become healthy:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, no goodbye.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) KillHard();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
