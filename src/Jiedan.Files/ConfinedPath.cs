namespace Jiedan.Files;

/// <summary>
/// Paths named by a document (a quote spec, a gate policy) resolved the way the kernel would, symbolic links and
/// <c>..</c> included, and refused unless the result stays inside a root. The error names the field and the path as
/// written, never any file content.
/// </summary>
public static class ConfinedPath
{
    private const int MaxLinks = 40;

    /// <summary>
    /// <paramref name="path"/> (relative to <paramref name="baseDirectory"/>, or absolute) with every symbolic link and
    /// <c>..</c> resolved, when it lies inside <paramref name="root"/> (itself resolved).
    /// </summary>
    /// <exception cref="FileRefusedException">the resolved path leaves the root.</exception>
    public static string Resolve(string root, string baseDirectory, string path, string field)
    {
        var realRoot = RealPath(root);
        var real = RealPath(Path.IsPathRooted(path) ? path : Path.Join(Path.GetFullPath(baseDirectory), path));
        if (!IsInside(realRoot, real)) throw new FileRefusedException(path, "outside the allowed root", field);
        return real;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or below it (both already resolved).</summary>
    public static bool IsInside(string root, string path)
    {
        var r = Path.TrimEndingDirectorySeparator(root);
        if (r.Length == 0) return true; // the root is "/"
        return path == r || (path.StartsWith(r, StringComparison.Ordinal) && path.Length > r.Length && path[r.Length] == '/');
    }

    /// <summary>
    /// The absolute path with every symbolic link followed, component by component, and <c>.</c>/<c>..</c> applied after
    /// the link before them is resolved (as realpath(3)). Components that do not exist are kept as written.
    /// </summary>
    /// <exception cref="IOException">a loop of symbolic links.</exception>
    public static string RealPath(string path)
    {
        var pending = new Stack<string>();
        PushComponents(pending, Path.IsPathRooted(path) ? path : Path.Join(Directory.GetCurrentDirectory(), path));
        var resolved = new List<string>();
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (resolved.Count > 0) resolved.RemoveAt(resolved.Count - 1);
                continue;
            }
            var candidate = "/" + string.Join('/', resolved.Append(part));
            string? target = null;
            if (RegularFile.KindOf(candidate, followLinks: false) == FileKind.SymbolicLink) target = new FileInfo(candidate).LinkTarget;
            if (target is null)
            {
                resolved.Add(part);
                continue;
            }
            if (++links > MaxLinks) throw new IOException($"{path}: too many levels of symbolic links");
            if (Path.IsPathRooted(target)) resolved.Clear();
            PushComponents(pending, target);
        }
        return "/" + string.Join('/', resolved);
    }

    private static void PushComponents(Stack<string> pending, string path)
    {
        var parts = path.Split('/');
        for (var i = parts.Length - 1; i >= 0; i--) pending.Push(parts[i]);
    }
}
