namespace Jiedan.Loc.Languages;

/// <summary>
/// A language as cloc 1.96 defines it (name, extensions, file names, #! interpreters, filters), and, where Jiedan knows the
/// language's strings and nesting, the byte-level grammar its fast counter uses (<see cref="Syntax"/>).
/// </summary>
public sealed record Language(string Name, IReadOnlyList<string> Extensions, LanguageSyntax? Syntax)
{
    public IReadOnlyList<string> FileNames { get; init; } = [];
    public IReadOnlyList<string> Interpreters { get; init; } = [];

    /// <summary>cloc's comment filters for this language, in the order cloc applies them.</summary>
    public IReadOnlyList<ClocFilter> Filters { get; init; } = [];

    /// <summary>cloc's end-of-line continuation regex (`\\$`): a blank line after a continued line is not blank.</summary>
    public string? EndOfLineContinuation { get; init; }

    /// <summary>A scripting language (cloc's %Script_Language): a first line starting with #! is code.</summary>
    public bool IsScript { get; init; }

    /// <summary>Whether the fast counter reproduces cloc's filters exactly, so the cloc-compatible mode may use it.</summary>
    public bool FastMatchesCloc { get; init; }
}

/// <summary>One of cloc's filter calls, e.g. remove_matches with the argument <c>^\s*#</c>.</summary>
public sealed record ClocFilter(string Function, IReadOnlyList<string> Arguments);
