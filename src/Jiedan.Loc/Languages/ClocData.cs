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
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return Parse(System.Text.Encoding.UTF8.GetString(bytes));
    }

    /// <summary>Reads the table without a string per line or an array per record (it is read on every run, so its cost is start-up
    /// time); each language name is one string, shared by all its records.</summary>
    public static ClocData Parse(string table)
    {
        var data = new ClocData();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var known = names.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<Range> fields = stackalloc Range[16];
        foreach (var line in table.AsSpan().EnumerateLines())
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var record = new Record(line, fields[..line.Split(fields, '\t')]);
            switch (line[fields[0]])
            {
                case "version": data.Version = record.Text(1); break;
                case "lang":
                    var added = record.Text(1);
                    names[added] = added;
                    data.Names.Add(added);
                    data.Filters[added] = [];
                    break;
                case "filter":
                    var arguments = new string[record.Count - 3];
                    for (var i = 3; i < record.Count; i++) arguments[i - 3] = record.Text(i);
                    data.Filters[record.Name(1, known)].Add(new ClocFilter(record.Text(2), arguments));
                    break;
                case "ext": data.LanguageByExtension[record.Text(2)] = record.Name(1, known); break;
                case "file": data.LanguageByFile[record.Text(2)] = record.Name(1, known); break;
                case "script": data.LanguageByScript[record.Text(2)] = record.Name(1, known); break;
                case "eol": data.EndOfLineContinuation[record.Name(1, known)] = record.Text(2); break;
                case "prefix": data.LanguageByPrefix[record.Text(1)] = record.Name(2, known); break;
                case "notcode-ext": data.NotCodeExtensions.Add(record.Text(1)); break;
                case "notcode-file": data.NotCodeFileNames.Add(record.Text(1)); break;
                default: throw new InvalidDataException($"{ResourceName}: unknown record '{line[fields[0]]}'");
            }
        }
        return data;
    }

    /// <summary>One tab-separated line of the table.</summary>
    private readonly ref struct Record(ReadOnlySpan<char> line, ReadOnlySpan<Range> fields)
    {
        private readonly ReadOnlySpan<char> _line = line;
        private readonly ReadOnlySpan<Range> _fields = fields;

        public int Count => _fields.Length;

        public string Text(int i) => i < _fields.Length
            ? _line[_fields[i]].ToString()
            : throw new InvalidDataException($"{ResourceName}: record '{_line[_fields[0]]}' has no field {i}");

        /// <summary>A language name as the one string its `lang` record made.</summary>
        public string Name(int i, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> known) =>
            i < _fields.Length && known.TryGetValue(_line[_fields[i]], out var name) ? name : Text(i);
    }
}
