namespace Jiedan.Loc.Languages;

/// <summary>A language as cloc names it, how files are recognised as it, and its comment grammar.</summary>
public sealed record Language(
    string Name,
    IReadOnlyList<string> Extensions,
    LanguageSyntax Syntax,
    IReadOnlyList<string>? FileNames = null,
    IReadOnlyList<string>? Interpreters = null)
{
    public IReadOnlyList<string> FileNames { get; init; } = FileNames ?? [];
    public IReadOnlyList<string> Interpreters { get; init; } = Interpreters ?? [];
}
