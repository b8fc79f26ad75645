using System.Globalization;
using Jiedan.Domain.Credibility.Audit;

namespace Jiedan.Credibility.Audit;

/// <summary>
/// What the audit asks git: whether the path is a repository, the origin remote, commits since a date, the last commit's
/// date and the tags. git runs with an argument list, a timeout and an output cap; repository configuration that could
/// run programs (fsmonitor, hooks) is switched off on the command line, and no command here runs either.
/// </summary>
internal sealed class GitFacts(string repository, TimeSpan timeout)
{
    public const int MaxOutput = 8 * 1024 * 1024;

    private static readonly string[] Safe = ["-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "--no-pager"];

    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal)
    {
        ["GIT_TERMINAL_PROMPT"] = "0", ["GIT_CONFIG_NOSYSTEM"] = "1", ["GIT_OPTIONAL_LOCKS"] = "0", ["LC_ALL"] = "C",
    };

    public static string? FindGit() =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "git")).FirstOrDefault(File.Exists);

    /// <exception cref="AuditInputException">git is missing or the directory is not inside a git work tree.</exception>
    public async Task EnsureRepositoryAsync(CancellationToken ct)
    {
        var r = await RunAsync(["rev-parse", "--is-inside-work-tree"], ct);
        if (!r.Ok || r.Output.Trim() != "true") throw new AuditInputException("PATH", "not a git repository (git rev-parse failed)");
    }

    public async Task<(string? Url, string? Problem)> OriginAsync(CancellationToken ct)
    {
        var r = await RunAsync(["remote", "get-url", "origin"], ct);
        return r.Ok && r.Output.Trim().Length > 0
            ? (r.Output.Trim(), null)
            : (null, "no remote 'origin' (git remote get-url origin failed)");
    }

    public async Task<(int? Count, DateTimeOffset? Last, string? Problem)> ActivityAsync(DateTimeOffset since, CancellationToken ct)
    {
        var after = "--since=" + since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var count = await RunAsync(["rev-list", "--count", after, "HEAD"], ct);
        if (!count.Ok || !int.TryParse(count.Output.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return (null, null, "no commits on HEAD");
        var last = await RunAsync(["log", "-1", "--format=%ct", "HEAD"], ct);
        DateTimeOffset? at = last.Ok && long.TryParse(last.Output.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
        return (n, at, null);
    }

    public async Task<IReadOnlyList<string>> TagsAsync(CancellationToken ct)
    {
        var r = await RunAsync(["tag", "--list"], ct);
        return r.ExitCode == 0 ? r.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
    }

    private async Task<BoundedProcess.Result> RunAsync(string[] arguments, CancellationToken ct)
    {
        var git = FindGit() ?? throw new AuditInputException("git", "git is not installed");
        return await BoundedProcess.RunAsync(git, [.. Safe, .. arguments], repository, MaxOutput, timeout, ct, Environment);
    }
}
