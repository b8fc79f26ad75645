using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jiedan.Domain.Scaffold;
using Jiedan.Files;

namespace Jiedan.Scaffold.Services;

/// <summary>What writing a scaffold did: files written, files the user changed (new version beside them), files unchanged.</summary>
public sealed record ScaffoldWrite(IReadOnlyList<string> Written, IReadOnlyList<string> KeptWithNewBeside, IReadOnlyList<string> Unchanged);

/// <summary>
/// Writes a scaffold into a folder. A new or empty folder gets every file, staged beside it and moved in at once. An
/// existing scaffold (with <c>force</c>) is regenerated file by file: a file still as Jiedan wrote it (its hash in
/// <c>.jiedan/scaffold.json</c>) is replaced; a file the user changed is kept and the new version written beside it
/// as <c>&lt;file&gt;.jiedan-new</c>.
/// </summary>
public static class ScaffoldOutput
{
    public const string Manifest = ".jiedan/scaffold.json";
    public const string NewSuffix = ".jiedan-new";

    /// <exception cref="ScaffoldRefusedException">the folder is not empty and <paramref name="force"/> is off, or is a file</exception>
    public static ScaffoldWrite Write(string folder, IReadOnlyList<ScaffoldFile> files, bool force, Action<string>? vendor = null)
    {
        var target = Path.GetFullPath(folder);
        var kind = RegularFile.KindOf(target);
        if (kind is not (FileKind.Missing or FileKind.Directory))
            throw new ScaffoldRefusedException($"{folder}: exists and is not a directory");
        var empty = kind == FileKind.Missing || !Directory.EnumerateFileSystemEntries(target).Any();
        if (!empty && !force)
            throw new ScaffoldRefusedException($"{folder}: not empty; use --force to regenerate (files you changed are kept)");
        return empty ? WriteFresh(target, files, vendor) : Regenerate(target, files, vendor);
    }

    private static ScaffoldWrite WriteFresh(string target, IReadOnlyList<ScaffoldFile> files, Action<string>? vendor)
    {
        var parent = Path.GetDirectoryName(target) ?? throw new ScaffoldRefusedException($"{target}: has no parent directory");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.jiedan-{Guid.NewGuid():N}");
        try
        {
            foreach (var file in files) WriteFile(staging, file.Path, file.Text);
            WriteFile(staging, Manifest, ManifestText(files));
            vendor?.Invoke(staging);
            if (Directory.Exists(target)) Directory.Delete(target);
            Directory.Move(staging, target);
            return new ScaffoldWrite([.. files.Select(f => f.Path)], [], []);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private static ScaffoldWrite Regenerate(string target, IReadOnlyList<ScaffoldFile> files, Action<string>? vendor)
    {
        var recorded = ReadManifest(target);
        // Every path is resolved (links included) and every verdict taken before the first write: a link planted in the
        // project that leads out of it stops the run with nothing written.
        var plan = files.Select(file => (File: file, Verdict: Verdict(file, Current(target, file.Path), recorded))).ToList();
        foreach (var (file, verdict) in plan)
        {
            if (verdict == Change.Write) WriteFile(target, file.Path, file.Text);
            else if (verdict == Change.KeepAndWriteBeside) WriteFile(target, file.Path + NewSuffix, file.Text);
        }
        WriteFile(target, Manifest, ManifestText(files));
        vendor?.Invoke(target);
        List<string> Paths(Change verdict) => [.. plan.Where(p => p.Verdict == verdict).Select(p => p.File.Path)];
        return new ScaffoldWrite(Paths(Change.Write), Paths(Change.KeepAndWriteBeside), Paths(Change.None));
    }

    private enum Change { None, Write, KeepAndWriteBeside }

    /// <summary>Unchanged text needs nothing; a missing file, or one still as generated, is replaced; else the user's is kept.</summary>
    private static Change Verdict(ScaffoldFile file, string? current, Dictionary<string, string> recorded)
    {
        if (current == file.Text) return Change.None;
        if (current is null || (recorded.TryGetValue(file.Path, out var hash) && hash == Hash(current))) return Change.Write;
        return Change.KeepAndWriteBeside;
    }

    /// <summary>The file's text as it is now, or null when there is none; a path leading out of the project is refused.</summary>
    private static string? Current(string target, string relative)
    {
        var path = ConfinedPath.Resolve(target, target, relative, relative);
        return RegularFile.KindOf(path, followLinks: false) switch
        {
            FileKind.Regular => RegularFile.ReadAllText(path, MaxFileBytes, followLinks: false),
            FileKind.Missing => null,
            var other => throw new ScaffoldRefusedException($"{relative}: {other.Describe()} where the scaffold writes a file"),
        };
    }

    private const long MaxFileBytes = 16 << 20;

    private static Dictionary<string, string> ReadManifest(string target)
    {
        var path = Path.Combine(target, Manifest);
        if (RegularFile.KindOf(path, followLinks: false) != FileKind.Regular) return [];
        var text = RegularFile.ReadAllText(path, 1 << 20, followLinks: false);
        try { return JsonSerializer.Deserialize<Dictionary<string, string>>(text) ?? []; }
        catch (JsonException) { return []; }
    }

    private static string ManifestText(IReadOnlyList<ScaffoldFile> files) =>
        JsonSerializer.Serialize(files.ToDictionary(f => f.Path, f => Hash(f.Text)), Indented) + "\n";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Writes through a temporary file and a rename, so a reader never sees half a file.</summary>
    private static void WriteFile(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>The output folder cannot take the scaffold; nothing was written.</summary>
public sealed class ScaffoldRefusedException(string message) : Exception(message);
