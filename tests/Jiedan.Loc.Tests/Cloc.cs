using System.Diagnostics;
using System.Text.Json;

namespace Jiedan.Loc.Tests;

/// <summary>Runs Debian's cloc (the reference implementation) and reads its per-file JSON.</summary>
public static class Cloc
{
    public const string InstallHint = "cloc is not installed: the cloc comparison cannot run. Install it with `apt-get install cloc` " +
        "(scripts/test.sh does).";

    public static bool IsInstalled => FindOnPath("cloc") is not null;

    public sealed record FileCount(string Language, long Blank, long Comment, long Code);

    /// <summary>
    /// Per-file counts keyed by path relative to <paramref name="root"/>, and the files cloc gave up on (its per-file timeout).
    /// </summary>
    public static (Dictionary<string, FileCount> Files, HashSet<string> TimedOut) Run(string root, params string[] extraArguments)
    {
        var output = Path.Combine(Path.GetTempPath(), $"jiedan-cloc-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("cloc") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in extraArguments.Concat(["--by-file", "--json", "--quiet", $"--out={output}",
            root])) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
#pragma warning disable RS0030 // the process has exited, so both reads have completed: .Result does not block here
        var messages = stdoutTask.Result + stderrTask.Result;
#pragma warning restore RS0030
        if (process.ExitCode != 0 || !File.Exists(output))
            throw new InvalidOperationException($"cloc failed ({process.ExitCode}): {messages}");

        var prefix = root.TrimEnd('/') + "/";
        var timedOut = messages.Split('\n')
            .Where(l => l.Contains("exceeded timeout:", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("exceeded timeout:", StringComparison.Ordinal) + 17)..].Trim())
            .Select(p => p.StartsWith(prefix, StringComparison.Ordinal) ? p[prefix.Length..] : p)
            .ToHashSet(StringComparer.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllText(output));
        File.Delete(output);
        var files = new Dictionary<string, FileCount>(StringComparer.Ordinal);
        foreach (var entry in json.RootElement.EnumerateObject())
        {
            if (entry.Name is "header" or "SUM") continue;
            var path = entry.Name.StartsWith(prefix, StringComparison.Ordinal) ? entry.Name[prefix.Length..] : entry.Name;
            var v = entry.Value;
            files[path] = new FileCount(v.GetProperty("language").GetString()!, v.GetProperty("blank").GetInt64(),
                v.GetProperty("comment").GetInt64(), v.GetProperty("code").GetInt64());
        }
        return (files, timedOut);
    }

    public static string? DebianPackageVersion(string package)
    {
        if (FindOnPath("dpkg-query") is null) return null;
        var start = new ProcessStartInfo("dpkg-query", ["-W", "-f=${Version}", package]) { RedirectStandardOutput = true,
            RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var version = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? version.Trim() : null;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
