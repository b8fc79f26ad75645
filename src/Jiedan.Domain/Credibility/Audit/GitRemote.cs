namespace Jiedan.Domain.Credibility.Audit;

/// <summary>
/// A remote URL read as host and path: <c>https://github.com/o/r.git</c>, <c>git@github.com:o/r.git</c>,
/// <c>ssh://git@github.com:22/o/r</c>, <c>git://…</c>. The host is lower-cased, a trailing <c>.git</c> or <c>/</c> dropped;
/// user names and passwords never survive (<see cref="Display"/> is safe to print).
/// </summary>
public sealed record GitRemote(string Host, string Path)
{
    /// <summary>host/owner/repo: what a Go module path on this remote starts with.</summary>
    public string ModulePrefix => Host + "/" + Path;

    public string Display => ModulePrefix;

    public static GitRemote? Parse(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        url = url.Trim();
        string host, path;
        if (url.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0) return null;
            if (uri.Scheme is not ("https" or "http" or "ssh" or "git" or "git+ssh")) return null;
            host = uri.Host;
            path = Uri.UnescapeDataString(uri.AbsolutePath);
        }
        else
        {
            // scp-like: [user@]host:path
            var colon = url.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || url.StartsWith('/')) return null;
            host = url[..colon];
            var at = host.LastIndexOf('@');
            if (at >= 0) host = host[(at + 1)..];
            path = url[(colon + 1)..];
        }
        path = path.Trim('/');
        if (path.EndsWith(".git", StringComparison.OrdinalIgnoreCase)) path = path[..^4];
        path = path.TrimEnd('/');
        if (host.Length == 0 || !path.Contains('/', StringComparison.Ordinal) || path.Split('/').Any(p => p is "" or "." or ".."))
            return null;
        return new GitRemote(host.ToLowerInvariant(), path);
    }
}
