using Jiedan.Domain.Incidents;
using Jiedan.Files;

namespace Jiedan.Incidents.Services;

/// <summary>
/// Reads a runbook file or a folder of them (<c>.md</c>, <c>.markdown</c>: runbooks; <c>.yml</c>, <c>.yaml</c>: records).
/// Every file is resolved (symbolic links too) and must stay inside PATH, and only regular files are opened, each capped.
/// All files are read before anything is stored, so an error leaves the database as it was.
/// </summary>
public static class KnowledgeImport
{
    public const long MaxFileBytes = 1 << 20;
    public const int MaxFiles = 10_000;
    public const int MaxDepth = 16;

    public sealed record Result(IReadOnlyList<KnowledgeEntry> Entries, IReadOnlyList<PastIncident> Incidents);

    /// <exception cref="FileRefusedException">a file outside PATH, not regular, or too large.</exception>
    /// <exception cref="IncidentFormatException">a file that cannot be read as a runbook or records (names file:line).</exception>
    public static Result Read(string path)
    {
        var isDirectory = Directory.Exists(path);
        if (!isDirectory && !File.Exists(path)) throw new FileRefusedException(path, "no such file or folder", "PATH");
        var root = isDirectory ? path : Path.GetDirectoryName(Path.GetFullPath(path))!;
        var files = isDirectory
            ? Directory.EnumerateFiles(root, "*", new EnumerationOptions
            {
                RecurseSubdirectories = true, MaxRecursionDepth = MaxDepth, AttributesToSkip = 0, IgnoreInaccessible = false,
            }).Where(f => KindOf(f) is not null).Take(MaxFiles + 1).Order(StringComparer.Ordinal).ToList()
            : [Path.GetFullPath(path)];
        if (files.Count > MaxFiles) throw new FileRefusedException(path, $"more than {MaxFiles} runbook files", "PATH");
        var entries = new List<KnowledgeEntry>();
        var incidents = new List<PastIncident>();
        var titles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var source = Path.GetRelativePath(root, file).Replace('\\', '/');
            var real = ConfinedPath.Resolve(root, root, source, "PATH");
            var text = RegularFile.ReadAllText(real, MaxFileBytes);
            var read = KindOf(file) == Kind.Markdown
                ? new KnowledgeRecordsParser.Records([RunbookParser.Parse(text, source)], [])
                : KnowledgeRecordsParser.Parse(text, source);
            foreach (var entry in read.Entries)
            {
                if (titles.TryGetValue(entry.Title, out var other))
                    throw new IncidentFormatException($"{source}:{entry.Line}", $"the same title as an entry in {other}");
                titles[entry.Title] = source;
                entries.Add(entry);
            }
            incidents.AddRange(read.Incidents);
        }
        return new(entries, incidents);
    }

    private enum Kind { Markdown, Yaml }

    private static Kind? KindOf(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".md" or ".markdown" => Kind.Markdown,
        ".yml" or ".yaml" => Kind.Yaml,
        _ => null,
    };
}
