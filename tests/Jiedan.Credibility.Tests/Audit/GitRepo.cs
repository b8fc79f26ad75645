using System.Diagnostics;
using System.Globalization;

namespace Jiedan.Credibility.Tests.Audit;

/// <summary>A real git repository in a temporary directory: files, commits at chosen dates, tags, a remote.</summary>
public sealed class GitRepo : IDisposable
{
    public GitRepo()
    {
        Root = Directory.CreateTempSubdirectory("jiedan-audit-").FullName;
        Git("init", "-q", "-b", "main");
    }

    public string Root { get; }

    public GitRepo Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    /// <summary>Commits everything with author and committer date <paramref name="daysAgo"/> days before now.</summary>
    public GitRepo Commit(string message, double daysAgo = 1)
    {
        var when = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - (long)(daysAgo * 86400));
        var date = when.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + " +0000";
        Git(new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = date, ["GIT_COMMITTER_DATE"] = date }, "add", "-A");
        Git(new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = date, ["GIT_COMMITTER_DATE"] = date },
            "commit", "-q", "--allow-empty", "-m", message);
        return this;
    }

    public GitRepo Tag(string name)
    {
        Git("tag", name);
        return this;
    }

    public GitRepo Remote(string url)
    {
        Git("remote", "add", "origin", url);
        return this;
    }

    public void Git(params string[] args) => Git(null, args);

    private void Git(Dictionary<string, string>? env, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false" }.Concat(args))
            info.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) info.Environment[k] = v;
        using var p = Process.Start(info)!;
        var err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)}: {err}");
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
