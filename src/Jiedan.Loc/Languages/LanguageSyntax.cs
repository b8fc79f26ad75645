using System.Text;

namespace Jiedan.Loc.Languages;

/// <summary>How a block comment's lines are turned into code/comment lines (cloc applies a different filter per language).</summary>
public enum BlockCommentStyle
{
    /// <summary>cloc's Regexp::Common C/C++ filter: the comment is cut out of the joined text, so the text before and after it becomes one
    /// line.</summary>
    Merge,

    /// <summary>cloc's remove_between_general (Markdown): each line keeps its code outside comments.</summary>
    PerLine,

    /// <summary>cloc's remove_html_comments (HTML, XML): a line that ends inside a comment is a comment line, whatever precedes the
    /// comment.</summary>
    Html,
}

/// <summary>A string literal form: opener, closer, escape byte (0 for none) and whether it may span lines.</summary>
public sealed record StringSyntax(string Open, string Close, char Escape = '\\', bool Multiline = false)
{
    internal byte[] OpenBytes { get; } = Encoding.ASCII.GetBytes(Open);
    internal byte[] CloseBytes { get; } = Encoding.ASCII.GetBytes(Close);
    internal Counting.ByteSet Stops { get; } = new(Escape == '\0' ? [(byte)Close[0]] : [(byte)Close[0], (byte)Escape]);
}

/// <summary>A pair of whole-line markers (at column 0, case-insensitive) delimiting a comment block, e.g. Ruby's =begin/=end.</summary>
public sealed record LineBlockSyntax(string Begin, string End)
{
    internal byte[] BeginBytes { get; } = Encoding.ASCII.GetBytes(Begin);
    internal byte[] EndBytes { get; } = Encoding.ASCII.GetBytes(End);
}

/// <summary>
/// The comment and string grammar of one language, as data. Each field mirrors one of cloc's filters
/// so that counts compare one to one; <see cref="Strings"/> and <see cref="NestedBlockComments"/> are
/// where Jiedan is deliberately more exact than cloc (see docs/loc.md).
/// </summary>
public sealed record LanguageSyntax
{
    /// <summary>Markers that comment out the rest of the line wherever they appear (cloc: the C++ `//` regex).</summary>
    public IReadOnlyList<string> LineComments { get; init; } = [];

    /// <summary>Markers that make a whole line a comment when it starts with them after blanks (cloc: remove_matches '^\s*#');
    /// case-insensitive.</summary>
    public IReadOnlyList<string> LineStartComments { get; init; } = [];

    /// <summary>Markers that make a whole line a comment only at column 0 (cloc: remove_matches '^\*').</summary>
    public IReadOnlyList<string> ColumnZeroComments { get; init; } = [];

    /// <summary>Like <see cref="LineStartComments"/>, but applied by cloc after block comments are cut (Assembly's @ | ! --).</summary>
    public IReadOnlyList<string> LineStartCommentsAfterBlocks { get; init; } = [];

    /// <summary>Like <see cref="ColumnZeroComments"/>, but applied by cloc after block comments are cut (Assembly's '^\*').</summary>
    public IReadOnlyList<string> ColumnZeroCommentsAfterBlocks { get; init; } = [];

    /// <summary>Block comment opener and closer, e.g. /* and */.</summary>
    public (string Open, string Close)? BlockComment { get; init; }

    public BlockCommentStyle BlockStyle { get; init; } = BlockCommentStyle.Merge;

    /// <summary>Block comments nest (Rust, Swift, Kotlin); cloc does not nest them, so only the exact mode does.</summary>
    public bool NestedBlockComments { get; init; }

    /// <summary>String literals whose content can hide comment markers; cloc ignores strings, the exact mode honours them.</summary>
    public IReadOnlyList<StringSyntax> Strings { get; init; } = [];

    /// <summary>C-style character literals ('"', '/'), told apart from Rust lifetimes ('a).</summary>
    public bool CharLiterals { get; init; }

    /// <summary>Python: triple-quoted strings are comments (cloc's docstring_to_C).</summary>
    public bool TripleQuotedStringsAreComments { get; init; }

    /// <summary>A trailing backslash continues the line (cloc's EOL_Continuation_re): a blank line after it is not blank.</summary>
    public bool BackslashContinuation { get; init; }

    /// <summary>A scripting language: a first line starting with #! is code, not comment.</summary>
    public bool Script { get; init; }

    /// <summary>Lines from one of these markers (column 0) to the end of the file are comments (Perl __END__).</summary>
    public IReadOnlyList<string> CommentToEndOfFile { get; init; } = [];

    /// <summary>Whole-line comment blocks such as Ruby =begin/=end and Perl POD.</summary>
    public LineBlockSyntax? LineBlock { get; init; }

    /// <summary>Here-documents (`<<EOF` … `EOF`, `<<-EOF`, `<<~EOF`, `<<'EOF'`): their lines are code, whatever they start with;
    /// cloc reads a # line inside one as a comment, so only the exact mode honours them.</summary>
    public bool Heredocs { get; init; }

    /// <summary>cloc removes every Python line containing /* or */ as a comment; only the cloc-compatible mode copies that.</summary>
    public IReadOnlyList<string> ClocCommentIfContains { get; init; } = [];
}
