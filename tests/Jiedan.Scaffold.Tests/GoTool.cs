using Jiedan.Testing;

namespace Jiedan.Scaffold.Tests;

/// <summary>Runs go (and gofmt) in a generated project, offline: GOFLAGS=-mod=vendor, GOPROXY=off, killed at a limit.</summary>
public static class GoTool
{
    public const string SourceRoot = "/usr/share/gocode/src";

    private static readonly Dictionary<string, string> Offline = new(StringComparer.Ordinal)
    {
        ["GOFLAGS"] = "-mod=vendor -trimpath", // -trimpath: the vendored packages hit the build cache across projects
        ["GOPROXY"] = "off",
        ["GOTOOLCHAIN"] = "local",
        ["CGO_ENABLED"] = "1",
    };

    public static ToolResult Run(string dir, string file, TimeSpan limit, params string[] arguments) =>
        ToolProcess.Run(file, dir, limit, Offline, arguments);

    public static ToolResult Go(string dir, params string[] arguments) => Run(dir, "go", TimeSpan.FromMinutes(5), arguments);

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
