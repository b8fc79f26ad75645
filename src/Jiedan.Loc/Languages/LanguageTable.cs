namespace Jiedan.Loc.Languages;

/// <summary>
/// Every language Jiedan counts, as data. Names, extensions, file names and interpreters are cloc 1.96's
/// (`cloc --show-ext`, %Language_by_File, %Language_by_Script), so results compare one to one.
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

    private static readonly LanguageSyntax NoComments = new();

    public static IReadOnlyList<Language> All { get; } =
    [
        new("Go", ["go"], CFamily(DoubleQuoted, GoRawString)),
        new("C#", ["cs"], CFamily(
            TripleDoubleQuoted,
            new StringSyntax("@$\"", "\"", Escape: '\0', Multiline: true),
            new StringSyntax("$@\"", "\"", Escape: '\0', Multiline: true),
            new StringSyntax("@\"", "\"", Escape: '\0', Multiline: true),
            DoubleQuoted)),
        new("Java", ["java"], CFamily(TripleDoubleQuoted, DoubleQuoted) with { BackslashContinuation = false }),
        new("Kotlin", ["kt", "ktm", "kts"], CFamily(new StringSyntax("\"\"\"", "\"\"\"", Escape: '\0', Multiline: true), DoubleQuoted)
            with { NestedBlockComments = true, BackslashContinuation = false }),
        new("JavaScript", ["js", "_js", "bones", "cjs", "es6", "jake", "jakefile", "jsb", "jscad", "jsfl", "jsm", "jss", "mjs", "njs",
            "pac", "sjs", "ssjs", "xsjs", "xsjslib"],
            CFamily(DoubleQuoted, SingleQuoted, new StringSyntax("`", "`", Multiline: true)) with { CharLiterals = false }),
        new("TypeScript", ["ts", "tsx"],
            CFamily(DoubleQuoted, SingleQuoted, new StringSyntax("`", "`", Multiline: true)) with { CharLiterals = false }),
        new("Python", ["py", "buck", "build.bazel", "gclient", "gyp", "gypi", "lmi", "py3", "pyde", "pyi", "pyp", "pyt", "pyw",
            "sconscript", "sconstruct", "snakefile", "tac", "workspace", "wscript", "wsgi", "xpy"],
            new LanguageSyntax
            {
                LineStartComments = ["#"],
                Strings = [DoubleQuoted, SingleQuoted],
                TripleQuotedStringsAreComments = true,
                BackslashContinuation = true,
                Script = true,
                ClocCommentIfContains = ["/*", "*/"],
            },
            Interpreters: ["python", "python2.6", "python2.7", "python3", "python3.3", "python3.4", "python3.5", "python3.6", "python3.7",
                "python3.8"]),
        new("Rust", ["rs", "rs.in"], CFamily(
            new StringSyntax("r#\"", "\"#", Escape: '\0', Multiline: true),
            new StringSyntax("r\"", "\"", Escape: '\0', Multiline: true),
            new StringSyntax("\"", "\"", Multiline: true)) with { NestedBlockComments = true, BackslashContinuation = false }),
        new("C", ["c", "cats", "ec", "idc", "pgc"], CFamily()),
        new("C++", ["C", "CPP", "c++", "cc", "cpp", "cxx", "h++", "inl", "ipp", "pcc", "tcc", "tpp"], CFamily()),
        new("C/C++ Header", ["h", "H", "hh", "hpp", "hxx"], CFamily()),
        new("Objective-C", ["m"], CFamily()),
        new("Swift", ["swift"], CFamily(new StringSyntax("\"\"\"", "\"\"\"", Multiline: true), DoubleQuoted)
            with { NestedBlockComments = true, CharLiterals = false }),
        new("PHP", ["php", "aw", "ctp", "phakefile", "php3", "php4", "php5", "php_cs", "php_cs.dist", "phps", "phpt", "phtml"],
            CFamily(new StringSyntax("\"", "\"", Multiline: true), new StringSyntax("'", "'", Multiline: true))
                with { LineStartComments = ["#"], CharLiterals = false, BackslashContinuation = false, Script = true },
            Interpreters: ["php", "php5"]),
        new("Ruby", ["rb", "appraisals", "berksfile", "brewfile", "builder", "buildfile", "capfile", "dangerfile", "deliverfile", "eye",
            "fastfile", "gemfile", "gemfile.lock", "gemspec", "god", "guardfile", "irbrc", "jarfile", "jbuilder", "mavenfile", "mspec",
            "podfile", "podspec", "pryrc", "puppetfile", "rabl", "rake", "rbuild", "rbw", "rbx", "ru", "snapfile", "thor", "thorfile",
            "vagrantfile", "watchr"],
            Hash(script: true, continuation: true) with { LineBlock = new LineBlockSyntax("=begin", "=end") },
            FileNames: ["Rakefile", "rakefile"], Interpreters: ["ruby"]),
        new("Bourne Shell", ["sh"], Hash(script: true, continuation: true), Interpreters: ["sh"]),
        new("Bourne Again Shell", ["bash"], Hash(script: true, continuation: true), Interpreters: ["bash"]),
        new("zsh", ["zsh"], Hash(script: true, continuation: true), Interpreters: ["zsh"]),
        new("Korn Shell", ["ksh"], Hash(script: true, continuation: true), Interpreters: ["ksh"]),
        new("C Shell", ["csh", "tcsh"], Hash(script: true, continuation: true), Interpreters: ["csh", "tcsh"]),
        new("awk", ["awk", "auk", "gawk", "mawk", "nawk"], Hash(script: true, continuation: true), Interpreters: ["awk"]),
        new("Perl", ["pl", "PL", "pm", "ack", "al", "cpanfile", "makefile.pl", "perl", "ph", "plh", "plx", "psgi", "rexfile"],
            Hash(script: true) with { CommentToEndOfFile = ["__END__", "__DATA__"], LineBlock = new LineBlockSyntax("=head1", "=cut") },
            Interpreters: ["perl", "perl5", "miniperl"]),
        new("SQL", ["sql", "SQL", "cql", "mysql", "psql", "tab", "udf", "viw"], new LanguageSyntax
        {
            LineStartComments = ["--"],
            BlockComment = ("/*", "*/"),
            Strings = [new StringSyntax("'", "'", Escape: '\0', Multiline: true)],
        }),
        new("Protocol Buffers", ["proto"], CFamily(DoubleQuoted, SingleQuoted)
            with { CharLiterals = false, BackslashContinuation = false }),
        new("YAML", ["yaml", "yml", "clang-format", "clang-tidy", "gemrc", "glide.lock", "mir", "reek", "rviz", "sublime-syntax", "syntax",
            "yaml-tmlanguage", "yml.mysql"], Hash()),
        new("JSON", ["json", "arcconfig", "avsc", "composer.lock", "geojson", "gltf", "har", "htmlhintrc", "json-tmlanguage", "jsonl",
            "mcmeta", "mcmod.info", "tern-config", "tern-project", "tfstate", "tfstate.backup", "topojson", "watchmanconfig", "webapp",
            "webmanifest", "yyp"], NoComments),
        new("TOML", ["toml"], Hash()),
        new("XML", ["xml", "XML", "adml", "admx", "ant", "app.config", "axml", "builds", "ccproj", "ccxml", "classpath", "clixml",
            "cproject", "cscfg", "csdef", "csl", "ct", "depproj", "ditamap", "ditaval", "dll.config", "dotsettings", "filters", "fsproj",
            "gmx", "grxml", "iml", "ivy", "jelly", "jsproj", "kml", "launch", "mdpolicy", "mjml", "natvis", "ndproj", "nproj",
            "nuget.config", "nuspec", "odd", "osm", "packages.config", "pkgproj", "plist", "proj", "project", "props", "ps1xml", "psc1",
            "pt", "rdf", "resx", "rss", "scxml", "settings.stylecop", "sfproj", "shproj", "srdf", "storyboard", "sttheme",
            "sublime-snippet", "targets", "tmcommand", "tml", "tmlanguage", "tmpreferences", "tmsnippet", "tmtheme", "urdf", "ux",
            "vcxproj", "vsixmanifest", "vssettings", "vstemplate", "vxml", "web.config", "web.debug.config", "web.release.config", "wsf",
            "x3d", "xacro", "xib", "xlf", "xliff", "xml.dist", "xproj", "xspec", "xul", "zcml"],
            new LanguageSyntax { BlockComment = ("<!--", "-->"), BlockStyle = BlockCommentStyle.Html }),
        new("HTML", ["html", "htm", "html.hl", "xht"],
            new LanguageSyntax { BlockComment = ("<!--", "-->"), BlockStyle = BlockCommentStyle.Html }),
        new("CSS", ["css"], new LanguageSyntax { BlockComment = ("/*", "*/"), Strings = [DoubleQuoted, SingleQuoted] }),
        new("Markdown", ["md", "contents.lr", "markdown", "mdown", "mdwn", "mdx", "mkd", "mkdn", "mkdown", "ronn", "workbook"],
            new LanguageSyntax { BlockComment = ("<!--", "-->"), BlockStyle = BlockCommentStyle.PerLine }),
        new("make", ["mk", "am", "Gnumakefile", "Makefile", "gnumakefile", "makefile"], Hash(script: true, continuation: true),
            FileNames: ["Makefile", "makefile", "Gnumakefile", "gnumakefile"], Interpreters: ["make"]),
        new("Dockerfile", ["Dockerfile", "dockerfile"], Hash(),
            FileNames: ["Dockerfile", "dockerfile", "Dockerfile.m4", "dockerfile.m4", "Dockerfile.cmake", "dockerfile.cmake"]),
        new("Assembly", ["s", "S", "asm", "a51", "nasm"], new LanguageSyntax
        {
            LineStartComments = ["#", ";"],
            LineStartCommentsAfterBlocks = ["@", "|", "!", "--"],
            ColumnZeroCommentsAfterBlocks = ["*"],
            LineComments = ["//"],
            BlockComment = ("/*", "*/"),
            BackslashContinuation = true,
        }),
        new("DOS Batch", ["bat", "BAT", "btm", "BTM", "cmd", "CMD"], new LanguageSyntax { LineStartComments = ["rem", "::"] }),
    ];

    private static readonly Dictionary<string, Language> ByName = All.ToDictionary(l => l.Name, StringComparer.Ordinal);

    public static Language Get(string name) => ByName[name];
}
