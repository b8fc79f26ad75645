using System.Diagnostics;
using System.Text;

namespace Jiedan.Scaffold.Tests;

public sealed record GoResult(int Exit, string Out, string Err)
{
    public override string ToString() => $"exit {Exit}\n{Out}\n{Err}";
}

/// <summary>Runs go (and gofmt) in a generated project, offline: GOFLAGS=-mod=vendor, GOPROXY=off, killed at a limit.</summary>
public static class GoTool
{
    public const string SourceRoot = "/usr/share/gocode/src";

    public static GoResult Run(string dir, string file, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["GOFLAGS"] = "-mod=vendor";
        start.Environment["GOPROXY"] = "off";
        start.Environment["GOTOOLCHAIN"] = "local";
        start.Environment["CGO_ENABLED"] = "1";
        using var process = new Process { StartInfo = start };
        var (stdout, stderr) = (new StringBuilder(), new StringBuilder());
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {limit.TotalSeconds} s");
        }
        process.WaitForExit();
        return new GoResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    public static GoResult Go(string dir, params string[] arguments) => Run(dir, "go", TimeSpan.FromMinutes(5), arguments);

    /// <summary>The go files of the project outside vendor/ that gofmt would change.</summary>
    public static string Unformatted(string dir)
    {
        var files = Directory.EnumerateFiles(dir, "*.go", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/vendor/", StringComparison.Ordinal)).ToArray();
        return Run(dir, "gofmt", TimeSpan.FromMinutes(1), ["-l", .. files]).Out.Trim();
    }

    /// <summary>The total of <c>go tool cover -func</c>: the last line, "total: (statements) 87.5%".</summary>
    public static double TotalCoverage(string dir, string profile)
    {
        var lines = Go(dir, "tool", "cover", "-func=" + profile).Out.Trim().Split('\n');
        var last = lines[^1].Split('\t', StringSplitOptions.RemoveEmptyEntries)[^1].TrimEnd('%');
        return double.Parse(last, System.Globalization.CultureInfo.InvariantCulture);
    }
}
