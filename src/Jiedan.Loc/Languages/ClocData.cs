using System.Reflection;

namespace Jiedan.Loc.Languages;

/// <summary>
/// cloc 1.96's language table as read from the embedded cloc-languages.tsv, which scripts/loc-languages-from-cloc.py
/// generates from the installed cloc's own output (--show-lang, --show-ext, --explain, --write-lang-def).
/// </summary>
internal sealed class ClocData
{
    public const string ResourceName = "Jiedan.Loc.Languages.cloc-languages.tsv";

    public string Version { get; private set; } = "";
    public List<string> Names { get; } = [];
    public Dictionary<string, List<ClocFilter>> Filters { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> LanguageByExtension { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> LanguageByFile { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> LanguageByScript { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> LanguageByPrefix { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> EndOfLineContinuation { get; } = new(StringComparer.Ordinal);
    public HashSet<string> NotCodeExtensions { get; } = new(StringComparer.Ordinal);
    public HashSet<string> NotCodeFileNames { get; } = new(StringComparer.Ordinal);

    public static ClocData Embedded { get; } = Load();

    private static ClocData Load()
    {
        using var stream = typeof(ClocData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in {typeof(ClocData).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return Parse(reader);
    }

    public static ClocData Parse(TextReader reader)
    {
        var data = new ClocData();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            switch (f[0])
            {
                case "version": data.Version = f[1]; break;
                case "lang":
                    data.Names.Add(f[1]);
                    data.Filters[f[1]] = [];
                    break;
                case "filter": data.Filters[f[1]].Add(new ClocFilter(f[2], f[3..])); break;
                case "ext": data.LanguageByExtension[f[2]] = f[1]; break;
                case "file": data.LanguageByFile[f[2]] = f[1]; break;
                case "script": data.LanguageByScript[f[2]] = f[1]; break;
                case "eol": data.EndOfLineContinuation[f[1]] = f[2]; break;
                case "prefix": data.LanguageByPrefix[f[1]] = f[2]; break;
                case "notcode-ext": data.NotCodeExtensions.Add(f[1]); break;
                case "notcode-file": data.NotCodeFileNames.Add(f[1]); break;
                default: throw new InvalidDataException($"{ResourceName}: unknown record '{f[0]}'");
            }
        }
        return data;
    }
}
