using System.Text;
using Jiedan.Loc.Languages;

namespace Jiedan.Loc.Counting;

/// <summary>A <see cref="LanguageSyntax"/> turned into byte patterns and a search set, built once per language and mode.</summary>
internal sealed class CompiledSyntax
{
    public CompiledSyntax(LanguageSyntax syntax, bool clocCompatible)
    {
        ClocCompatible = clocCompatible;
        LineComments = Bytes(syntax.LineComments);
        LineStartComments = syntax.LineStartComments.Select(m => Encoding.ASCII.GetBytes(m.ToLowerInvariant())).ToArray();
        ColumnZeroComments = Bytes(syntax.ColumnZeroComments);
        PostLineStartComments = Bytes(syntax.LineStartCommentsAfterBlocks);
        PostColumnZeroComments = Bytes(syntax.ColumnZeroCommentsAfterBlocks);
        if (syntax.BlockComment is { } block)
        {
            BlockOpen = Encoding.ASCII.GetBytes(block.Open);
            BlockClose = Encoding.ASCII.GetBytes(block.Close);
        }
        BlockStyle = syntax.BlockStyle;
        NestedBlockComments = syntax.NestedBlockComments && !clocCompatible;
        Strings = clocCompatible ? [] : syntax.Strings.ToArray();
        CharLiterals = syntax.CharLiterals && !clocCompatible;
        TripleQuotes = syntax.TripleQuotedStringsAreComments;
        BackslashContinuation = syntax.BackslashContinuation;
        Script = syntax.Script;
        CommentToEndOfFile = Bytes(syntax.CommentToEndOfFile);
        LineBlock = syntax.LineBlock;
        CommentIfContains = clocCompatible ? Bytes(syntax.ClocCommentIfContains) : [];
        Heredocs = syntax.Heredocs && !clocCompatible;

        var specials = new List<byte>();
        foreach (var m in LineComments) specials.Add(m[0]);
        if (BlockOpen is not null) specials.Add(BlockOpen[0]);
        foreach (var s in Strings) specials.Add(s.OpenBytes[0]);
        if (CharLiterals) specials.Add((byte)'\'');
        if (Heredocs) specials.Add((byte)'<');
        if (TripleQuotes)
        {
            specials.Add((byte)'"');
            specials.Add((byte)'\'');
            specials.Add((byte)'u');
            specials.Add((byte)'U');
        }
        Specials = new ByteSet(specials);
        var openers = new List<byte>();
        foreach (var m in LineComments) openers.Add(m[0]);
        if (BlockOpen is not null) openers.Add(BlockOpen[0]);
        foreach (var str in Strings)
            if (str.Multiline) openers.Add(str.OpenBytes[0]);
        if (Heredocs) openers.Add((byte)'<');
        if (TripleQuotes) openers.AddRange([(byte)'"', (byte)'\'', (byte)'u', (byte)'U']);
        Openers = new ByteSet(openers);
        // cloc's continuation: a blank line after one ending in a backslash is code, so a run stops at a backslash
        RunStops = ClocCompatible && BackslashContinuation ? new ByteSet([.. Openers.Members, (byte)'\\']) : Openers;
        StopsAreSpecials = RunStops.Members.Length == Specials.Members.Length && AllIn(RunStops, Specials);
        PlainLinesAreCode = CommentToEndOfFile.Length == 0 && LineBlock is null && LineStartComments.Length == 0
            && ColumnZeroComments.Length == 0 && CommentIfContains.Length == 0 && PostLineStartComments.Length == 0
            && PostColumnZeroComments.Length == 0;
    }

    public bool ClocCompatible { get; }
    public byte[][] LineComments { get; }
    public byte[][] LineStartComments { get; }
    public byte[][] ColumnZeroComments { get; }
    public byte[][] PostLineStartComments { get; }
    public byte[][] PostColumnZeroComments { get; }
    public byte[]? BlockOpen { get; }
    public byte[]? BlockClose { get; }
    public BlockCommentStyle BlockStyle { get; }
    public bool NestedBlockComments { get; }
    public StringSyntax[] Strings { get; }
    public bool CharLiterals { get; }
    public bool TripleQuotes { get; }
    public bool BackslashContinuation { get; }
    public bool Script { get; }
    public byte[][] CommentToEndOfFile { get; }
    public LineBlockSyntax? LineBlock { get; }
    public byte[][] CommentIfContains { get; }
    public bool Heredocs { get; }

    /// <summary>Bytes that may start a comment or string: everything between them is plain code or blank.</summary>
    public ByteSet Specials { get; }

    /// <summary>
    /// The <see cref="Specials"/> that may start a comment or something that goes on past the line's end (a block comment,
    /// a multi-line string, a docstring, a here-document). A line without any, begun outside comments and strings, is code
    /// and ends outside them: a one-line string or character literal on it changes neither.
    /// </summary>
    public ByteSet Openers { get; }

    /// <summary>Where a run of plain lines stops (<see cref="PlainRuns"/>): the <see cref="Openers"/>, and in the cloc-compatible
    /// mode of a language with continued lines the backslash.</summary>
    public ByteSet RunStops { get; }

    /// <summary>The run stops are the specials: none is a mere one-line string or character literal, nor a backslash.</summary>
    public bool StopsAreSpecials { get; }

    /// <summary>
    /// No filter looks at whole lines (cloc's line-start and column-zero markers, markers to the end of the file, line
    /// blocks), so a non-blank line outside comments and strings without any <see cref="Openers"/> is simply code.
    /// Tests turn it off to compare the short cut with the full scan.
    /// </summary>
    public bool PlainLinesAreCode { get; init; }

    // a loop, not LINQ: byte instantiations are not precompiled in the ReadyToRun CLI, and this runs at start-up
    private static bool AllIn(ByteSet some, ByteSet all)
    {
        foreach (var b in some.Members)
            if (!all.Values.Contains(b)) return false;
        return true;
    }

    private static byte[][] Bytes(IEnumerable<string> markers) => markers.Select(Encoding.ASCII.GetBytes).ToArray();
}
