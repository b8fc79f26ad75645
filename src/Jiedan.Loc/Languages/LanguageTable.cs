namespace Jiedan.Loc.Languages;

/// <summary>
/// Every language cloc 1.96 counts, as data: names, extensions, file names, interpreters and filters come from the embedded
/// cloc-languages.tsv (see <see cref="ClocData"/>); the grammars below add, for the languages whose strings and nesting are
/// known, the exact default mode and the fast byte scanner.
/// </summary>
public static class LanguageTable
{
    private static readonly StringSyntax DoubleQuoted = new("\"", "\"");
    private static readonly StringSyntax SingleQuoted = new("'", "'");
    private static readonly StringSyntax GoRawString = new("`", "`", Escape: '\0', Multiline: true);
    private static readonly StringSyntax TripleDoubleQuoted = new("\"\"\"", "\"\"\"", Multiline: true);

    private static LanguageSyntax CFamily(params StringSyntax[] strings) => new()
    {
        LineComments = ["//"],
        BlockComment = ("/*", "*/"),
        Strings = strings.Length == 0 ? [DoubleQuoted] : strings,
        CharLiterals = true,
        BackslashContinuation = true,
    };

    private static LanguageSyntax Hash(bool script = false, bool continuation = false) => new()
    {
        LineStartComments = ["#"],
        Script = script,
        BackslashContinuation = continuation,
    };

    private static LanguageSyntax Shell() => Hash(script: true, continuation: true) with { Heredocs = true };

    /// <summary>Haskell and Elm: -- to the end of the line, {- -} nesting, "…" strings.</summary>
    private static LanguageSyntax HaskellFamily() => new()
    {
        LineComments = ["--"],
        BlockComment = ("{-", "-}"),
        NestedBlockComments = true,
        Strings = [DoubleQuoted],
        CharLiterals = true,
    };

    private static readonly LanguageSyntax NoComments = new();

    /// <summary>Grammars of the languages whose strings and nesting Jiedan knows: counted by the fast byte scanner.</summary>
    internal static Dictionary<string, LanguageSyntax> FastSyntaxes { get; } = new(StringComparer.Ordinal)
    {
        ["Go"] = CFamily(DoubleQuoted, GoRawString),
        ["C#"] = CFamily(
            TripleDoubleQuoted,
            new StringSyntax("@$\"", "\"", Escape: '\0', Multiline: true),
            new StringSyntax("$@\"", "\"", Escape: '\0', Multiline: true),
            new StringSyntax("@\"", "\"", Escape: '\0', Multiline: true),
            DoubleQuoted),
        ["Java"] = CFamily(TripleDoubleQuoted, DoubleQuoted) with { BackslashContinuation = false },
        ["Kotlin"] = CFamily(new StringSyntax("\"\"\"", "\"\"\"", Escape: '\0', Multiline: true), DoubleQuoted)
            with { NestedBlockComments = true, BackslashContinuation = false },
        ["JavaScript"] = CFamily(DoubleQuoted, SingleQuoted, new StringSyntax("`", "`", Multiline: true)) with { CharLiterals = false },
        ["TypeScript"] = CFamily(DoubleQuoted, SingleQuoted, new StringSyntax("`", "`", Multiline: true)) with { CharLiterals = false },
        ["Python"] = new LanguageSyntax
        {
            LineStartComments = ["#"],
            Strings = [DoubleQuoted, SingleQuoted],
            TripleQuotedStringsAreComments = true,
            BackslashContinuation = true,
            Script = true,
            ClocCommentIfContains = ["/*", "*/"],
        },
        ["Rust"] = CFamily(
            new StringSyntax("r#\"", "\"#", Escape: '\0', Multiline: true),
            new StringSyntax("r\"", "\"", Escape: '\0', Multiline: true),
            new StringSyntax("\"", "\"", Multiline: true)) with { NestedBlockComments = true, BackslashContinuation = false },
        ["C"] = CFamily(),
        ["C++"] = CFamily(),
        ["C/C++ Header"] = CFamily(),
        ["Objective-C"] = CFamily(),
        ["Swift"] = CFamily(new StringSyntax("\"\"\"", "\"\"\"", Multiline: true), DoubleQuoted)
            with { NestedBlockComments = true, CharLiterals = false },
        ["PHP"] = CFamily(new StringSyntax("\"", "\"", Multiline: true), new StringSyntax("'", "'", Multiline: true))
            with { LineStartComments = ["#"], CharLiterals = false, BackslashContinuation = false, Script = true },
        ["Ruby"] = Hash(script: true, continuation: true) with { LineBlock = new LineBlockSyntax("=begin", "=end"), Heredocs = true },
        ["Bourne Shell"] = Shell(),
        ["Bourne Again Shell"] = Shell(),
        ["zsh"] = Shell(),
        ["Korn Shell"] = Shell(),
        ["C Shell"] = Shell(),
        ["awk"] = Hash(script: true, continuation: true),
        ["Perl"] = Hash(script: true) with
        {
            CommentToEndOfFile = ["__END__", "__DATA__"], LineBlock = new LineBlockSyntax("=head1", "=cut"), Heredocs = true,
        },
        ["SQL"] = new LanguageSyntax
        {
            LineStartComments = ["--"],
            BlockComment = ("/*", "*/"),
            Strings = [new StringSyntax("'", "'", Escape: '\0', Multiline: true)],
        },
        ["Protocol Buffers"] = CFamily(DoubleQuoted, SingleQuoted)
            with { CharLiterals = false, BackslashContinuation = false },
        ["YAML"] = Hash(),
        ["JSON"] = NoComments,
        ["TOML"] = Hash(),
        ["XML"] = new LanguageSyntax { BlockComment = ("<!--", "-->"), BlockStyle = BlockCommentStyle.Html },
        ["HTML"] = new LanguageSyntax { BlockComment = ("<!--", "-->"), BlockStyle = BlockCommentStyle.Html },
        ["CSS"] = new LanguageSyntax { BlockComment = ("/*", "*/"), Strings = [DoubleQuoted, SingleQuoted] },
        ["Markdown"] = new LanguageSyntax { BlockComment = ("<!--", "-->"), BlockStyle = BlockCommentStyle.PerLine },
        ["make"] = Hash(script: true, continuation: true),
        ["Dockerfile"] = Hash(),
        ["Assembly"] = new LanguageSyntax
        {
            LineStartComments = ["#", ";"],
            LineStartCommentsAfterBlocks = ["@", "|", "!", "--"],
            ColumnZeroCommentsAfterBlocks = ["*"],
            LineComments = ["//"],
            BlockComment = ("/*", "*/"),
            BackslashContinuation = true,
        },
        ["DOS Batch"] = new LanguageSyntax { LineStartComments = ["rem", "::"] },

        // Grammars added for the exact mode only (the cloc-compatible mode counts these with cloc's filters).
        ["Scala"] = CFamily(new StringSyntax("\"\"\"", "\"\"\"", Escape: '\0', Multiline: true), DoubleQuoted)
            with { NestedBlockComments = true, BackslashContinuation = false },
        ["Dart"] = CFamily(
            new StringSyntax("r\"\"\"", "\"\"\"", Escape: '\0', Multiline: true),
            new StringSyntax("r'''", "'''", Escape: '\0', Multiline: true),
            TripleDoubleQuoted, new StringSyntax("'''", "'''", Multiline: true),
            new StringSyntax("r\"", "\"", Escape: '\0'), new StringSyntax("r'", "'", Escape: '\0'), DoubleQuoted, SingleQuoted)
            with { NestedBlockComments = true, CharLiterals = false, BackslashContinuation = false },
        ["Groovy"] = CFamily(TripleDoubleQuoted, new StringSyntax("'''", "'''", Multiline: true), DoubleQuoted, SingleQuoted)
            with { CharLiterals = false, BackslashContinuation = false },
        ["Solidity"] = CFamily(DoubleQuoted, SingleQuoted) with { CharLiterals = false, BackslashContinuation = false },
        ["Zig"] = new LanguageSyntax { LineComments = ["//"], Strings = [DoubleQuoted], CharLiterals = true },
        ["Gleam"] = new LanguageSyntax { LineComments = ["//"], Strings = [new StringSyntax("\"", "\"", Multiline: true)] },
        ["HCL"] = CFamily(DoubleQuoted) with { LineStartComments = ["#"], CharLiterals = false, BackslashContinuation = false },
        ["Haskell"] = HaskellFamily(),
        ["Elm"] = HaskellFamily() with { Strings = [new StringSyntax("\"\"\"", "\"\"\"", Multiline: true), DoubleQuoted] },
        ["OCaml"] = new LanguageSyntax
        {
            BlockComment = ("(*", "*)"),
            NestedBlockComments = true,
            Strings = [new StringSyntax("\"", "\"", Multiline: true)],
            CharLiterals = true,
        },
        ["F#"] = new LanguageSyntax
        {
            LineComments = ["//"],
            BlockComment = ("(*", "*)"),
            NestedBlockComments = true,
            Strings = [TripleDoubleQuoted with { Escape = '\0' }, new StringSyntax("@\"", "\"", Escape: '\0', Multiline: true),
                new StringSyntax("\"", "\"", Multiline: true)],
            CharLiterals = true,
        },
        ["Julia"] = new LanguageSyntax
        {
            LineComments = ["#"],
            BlockComment = ("#=", "=#"),
            NestedBlockComments = true,
            Strings = [DoubleQuoted],
            TripleQuotedStringsAreComments = true,
            Script = true,
        },
        ["Nim"] = new LanguageSyntax
        {
            LineComments = ["#"],
            BlockComment = ("#[", "]#"),
            NestedBlockComments = true,
            Strings = [TripleDoubleQuoted with { Escape = '\0' }, DoubleQuoted],
        },
    };

    /// <summary>The grammars that reproduce cloc's filters exactly in the cloc-compatible mode (checked on the Go and Python trees
    /// and the corpus); every other language is counted there with cloc's own filters.</summary>
    private static readonly HashSet<string> FastMatchesClocNames = new(StringComparer.Ordinal)
    {
        "Go", "C#", "Kotlin", "JavaScript", "TypeScript", "Python", "Rust", "C", "C++", "C/C++ Header", "Objective-C", "Swift", "PHP",
        "Ruby", "Bourne Shell", "Bourne Again Shell", "zsh", "Korn Shell", "C Shell", "awk", "Perl", "Protocol Buffers", "YAML",
        "JSON", "TOML", "XML", "HTML", "CSS", "make", "Dockerfile", "Assembly", "DOS Batch",
    };

    /// <summary>Every language of cloc 1.96 (and the ambiguous-extension entries such as "PHP/Pascal" it resolves by content).</summary>
    public static IReadOnlyList<Language> All { get; } = Build(ClocData.Embedded);

    private static List<Language> Build(ClocData data)
    {
        // plain loops: this runs at every start of `jiedan loc`
        var extensions = ByLanguage(data.LanguageByExtension);
        var files = ByLanguage(data.LanguageByFile);
        var scripts = ByLanguage(data.LanguageByScript);
        var languages = new List<Language>(data.Names.Count);
        foreach (var name in data.Names)
        {
            var filters = data.Filters[name];
            languages.Add(new Language(name, extensions.GetValueOrDefault(name) ?? [], SyntaxOf(name, filters))
            {
                FileNames = files.GetValueOrDefault(name) ?? [],
                Interpreters = scripts.GetValueOrDefault(name) ?? [],
                Filters = filters,
                EndOfLineContinuation = data.EndOfLineContinuation.GetValueOrDefault(name),
                IsScript = scripts.ContainsKey(name),
                FastMatchesCloc = FastSyntaxes.ContainsKey(name) ? FastMatchesClocNames.Contains(name) : OnlyBlankLines(filters),
            });
        }
        return languages;
    }

    private static Dictionary<string, List<string>> ByLanguage(Dictionary<string, string> map)
    {
        var byLanguage = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, language) in map)
        {
            if (!byLanguage.TryGetValue(language, out var keys)) byLanguage[language] = keys = [];
            keys.Add(key);
        }
        return byLanguage;
    }

    /// <summary>Text, CSV and the like: cloc only removes blank lines, so every other line is code — the fast scanner's
    /// grammar without comments gives exactly that, without a string per line.</summary>
    private static LanguageSyntax? SyntaxOf(string name, List<ClocFilter> filters) =>
        FastSyntaxes.GetValueOrDefault(name) ?? (OnlyBlankLines(filters) ? NoComments : null);

    private static bool OnlyBlankLines(List<ClocFilter> filters)
    {
        foreach (var f in filters)
        {
            var blankLines = f.Function == "remove_matches" && f.Arguments[0] == @"^\s*$";
            if (!blankLines && f.Function is not ("rm_comments_in_strings" or "remove_inline")) return false;
        }
        return filters.Count > 0;
    }

    private static readonly Dictionary<string, Language> ByName = All.ToDictionary(l => l.Name, StringComparer.Ordinal);

    public static Language Get(string name) => ByName[name];
}
