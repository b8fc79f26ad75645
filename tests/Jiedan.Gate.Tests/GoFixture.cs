using System.Diagnostics;

[assembly: AssemblyFixture(typeof(Jiedan.Gate.Tests.GoFixture))]

namespace Jiedan.Gate.Tests;

/// <summary>
/// Runs the real Go toolchain on the goshop fixture once per test run (Go builds are slow on small machines) and keeps
/// the reports Go wrote, so tests compare Jiedan's readings with Go's own figures. Without Go the Go tests skip.
/// </summary>
public sealed class GoFixture : IAsyncLifetime
{
    public string? Go { get; } = FindGo();
    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "jiedan-goshop-" + Guid.NewGuid().ToString("N"));
    public string CoverProfile => Path.Combine(Dir, "cover.out");
    public string TestJson => Path.Combine(Dir, "test.json");
    public string FlakyJson => Path.Combine(Dir, "flaky.json");
    public string BenchBaseline => Path.Combine(Dir, "bench-baseline.txt");
    public string BenchSlow => Path.Combine(Dir, "bench-slow.txt");
    public string CoverFunc { get; private set; } = "";
    public string BenchList { get; private set; } = "";

    public static string Source => Path.Combine(AppContext.BaseDirectory, "Fixtures", "goshop");

    public void RequireGo() => Assert.SkipWhen(Go is null, "Go is not installed (Debian: golang-go)");

    public async ValueTask InitializeAsync()
    {
        CopyTree(Source, Dir);
        if (Go is null) return;
        // jiedan gate --run starts go with this process's environment.
        System.Environment.SetEnvironmentVariable("GOFLAGS", "-mod=mod");
        System.Environment.SetEnvironmentVariable("GOPROXY", "off");
        System.Environment.SetEnvironmentVariable("GOTOOLCHAIN", "local");
        var marker = Path.Combine(Dir, "flaky.marker");
        await RunAsync(["test", "-json", "-coverprofile=" + CoverProfile, "./..."], TestJson);
        CoverFunc = await RunAsync(["tool", "cover", "-func=" + CoverProfile], null);
        await RunAsync(["test", "-json", "-count=2", "-run", "TestFlaky", "./cart"], FlakyJson, ("GOSHOP_FLAKY_MARKER", marker));
        await RunAsync(["test", "-run", "^$", "-bench", "Reverse", "-count", "6", "-benchtime", "100000x", "./textutil"], BenchBaseline);
        await RunAsync(["test", "-run", "^$", "-bench", "Reverse", "-count", "6", "-benchtime", "100000x", "./textutil"], BenchSlow,
            ("GOSHOP_BENCH_SLOW", "1"));
        BenchList = await RunAsync(["test", "-list", "Benchmark", "./textutil"], null);
    }

    public ValueTask DisposeAsync()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Runs go in the fixture copy; returns stdout (or writes it to a file). Test failures are expected, so the exit code is not checked.
    /// </summary>
    public async Task<string> RunAsync(IEnumerable<string> args, string? stdoutFile, params (string Name, string Value)[] env)
    {
        var info = new ProcessStartInfo(Go!) { WorkingDirectory = Dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        Environment(info);
        foreach (var (name, value) in env) info.Environment[name] = value;
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        var text = await stdout;
        if (stdoutFile is not null) await File.WriteAllTextAsync(stdoutFile, text);
        return text + await stderr;
    }

    /// <summary>Offline, reproducible Go: no module proxy, no toolchain download.</summary>
    public static void Environment(ProcessStartInfo info)
    {
        info.Environment["GOFLAGS"] = "-mod=mod";
        info.Environment["GOPROXY"] = "off";
        info.Environment["GOTOOLCHAIN"] = "local";
        if (string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("GOCACHE"))
            && string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("HOME")))
            info.Environment["GOCACHE"] = Path.Combine(Path.GetTempPath(), "jiedan-gocache");
    }

    public static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private static string? FindGo() =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "go")).FirstOrDefault(File.Exists);
}
