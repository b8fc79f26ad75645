namespace Jiedan.Domain.Gate.Coverage;

internal enum GoTokenKind { End, Word, Literal, Punct, Semicolon, Comment }

/// <summary>A token; for a comment, <see cref="EndLine"/> is the line it ends on (doc comments end just above a
/// declaration).</summary>
internal readonly record struct GoToken(GoTokenKind Kind, int Start, int Length, int Line, int Col, int EndLine = 0)
{
    public string Text(ReadOnlySpan<byte> source) => System.Text.Encoding.UTF8.GetString(source.Slice(Start, Length));

    public bool Is(ReadOnlySpan<byte> source, char punct) =>
        Kind == GoTokenKind.Punct && Length >= 1 && source[Start] == (byte)punct;
}

/// <summary>
/// Go's lexer reduced to what declaration scanners need (<see cref="GoFuncDeclarations"/>, the audit's doc-comment
/// count): words, literals, punctuation, the semicolon inserted at a line end and, when asked for, comments.
/// Unterminated strings and comments throw <see cref="GateInputException"/> naming the file and line, never the text.
/// </summary>
internal sealed class GoLexer(string name, bool emitComments = false)
{
    private int _line = 1;
    private int _lineStart;
    private bool _semicolonAtNewline;

    public GoToken Next(ReadOnlySpan<byte> s, ref int i)
    {
        while (i < s.Length)
        {
            var c = s[i];
            if (c == (byte)'\n')
            {
                var newline = NewLine(ref i);
                if (newline is { } t) return t;
                continue;
            }
            if (c is (byte)' ' or (byte)'\t' or (byte)'\r') { i++; continue; }
            if (c == (byte)'/' && i + 1 < s.Length && s[i + 1] == (byte)'/')
            {
                var start = i;
                while (i < s.Length && s[i] != (byte)'\n') i++;
                if (emitComments) return new GoToken(GoTokenKind.Comment, start, i - start, _line, start - _lineStart + 1, _line);
                continue;
            }
            if (c == (byte)'/' && i + 1 < s.Length && s[i + 1] == (byte)'*')
            {
                var line = _line;
                var end = s[(i + 2)..].IndexOf("*/"u8);
                if (end < 0) throw new GateInputException(name, line, "unterminated comment in a Go source file");
                var body = s.Slice(i + 2, end);
                var lines = body.Count((byte)'\n');
                if (emitComments && lines > 0 && _semicolonAtNewline)
                {
                    _semicolonAtNewline = false; // the comment is lexed on the next call
                    return new GoToken(GoTokenKind.Semicolon, i, 0, line, 0);
                }
                var start = i;
                var col = i - _lineStart + 1;
                i += end + 4;
                if (lines > 0)
                {
                    _line += lines;
                    _lineStart = i - (body.Length - body.LastIndexOf((byte)'\n') - 1) - 2;
                    if (_semicolonAtNewline) { _semicolonAtNewline = false; return new GoToken(GoTokenKind.Semicolon, i, 0, line, 0); }
                }
                if (emitComments) return new GoToken(GoTokenKind.Comment, start, i - start, line, col, _line);
                continue;
            }
            return Lex(s, ref i);
        }
        if (_semicolonAtNewline) { _semicolonAtNewline = false; return new GoToken(GoTokenKind.Semicolon, i, 0, _line, 0); }
        return new GoToken(GoTokenKind.End, i, 0, _line, 0);
    }

    private GoToken? NewLine(ref int i)
    {
        var line = _line;
        i++;
        _line++;
        _lineStart = i;
        if (!_semicolonAtNewline) return null;
        _semicolonAtNewline = false;
        return new GoToken(GoTokenKind.Semicolon, i - 1, 0, line, 0);
    }

    private GoToken Lex(ReadOnlySpan<byte> s, ref int i)
    {
        var start = i;
        var line = _line;
        var col = i - _lineStart + 1;
        var c = s[i];
        if (IsWordByte(c))
        {
            while (i < s.Length && IsWordByte(s[i])) i++;
            var word = s[start..i];
            // A number such as 1.5e-3 lexes as several tokens; harmless for matching braces.
            var number = c is >= (byte)'0' and <= (byte)'9';
            _semicolonAtNewline = number || !IsKeywordWithoutSemicolon(word);
            return new GoToken(number ? GoTokenKind.Literal : GoTokenKind.Word, start, i - start, line, col);
        }
        if (c is (byte)'"' or (byte)'\'')
        {
            i++;
            while (true)
            {
                if (i >= s.Length || s[i] == (byte)'\n')
                    throw new GateInputException(name, line, "unterminated string in a Go source file");
                if (s[i] == (byte)'\\') { i += 2; continue; }
                if (s[i++] == c) break;
            }
            _semicolonAtNewline = true;
            return new GoToken(GoTokenKind.Literal, start, i - start, line, col);
        }
        if (c == (byte)'`')
        {
            var end = s[(i + 1)..].IndexOf((byte)'`');
            if (end < 0) throw new GateInputException(name, line, "unterminated raw string in a Go source file");
            var body = s.Slice(i + 1, end);
            i += end + 2;
            var lines = body.Count((byte)'\n');
            if (lines > 0) { _line += lines; _lineStart = i - (body.Length - body.LastIndexOf((byte)'\n') - 1) - 1; }
            _semicolonAtNewline = true;
            return new GoToken(GoTokenKind.Literal, start, i - start, line, col);
        }
        i++;
        if (c == (byte)';') { _semicolonAtNewline = false; return new GoToken(GoTokenKind.Semicolon, start, 1, line, col); }
        var twice = i < s.Length && s[i] == c && c is (byte)'+' or (byte)'-';
        if (twice) i++;
        _semicolonAtNewline = twice || c is (byte)')' or (byte)']' or (byte)'}';
        return new GoToken(GoTokenKind.Punct, start, i - start, line, col);
    }

    private static bool IsWordByte(byte c) =>
        c is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'_' || c >= 0x80;

    /// <summary>Keywords after which a line end inserts no semicolon (all but break, continue, fallthrough, return).</summary>
    private static bool IsKeywordWithoutSemicolon(ReadOnlySpan<byte> word) =>
        word.SequenceEqual("func"u8) || word.SequenceEqual("var"u8) || word.SequenceEqual("const"u8) || word.SequenceEqual("type"u8)
        || word.SequenceEqual("import"u8) || word.SequenceEqual("package"u8) || word.SequenceEqual("if"u8)
        || word.SequenceEqual("else"u8) || word.SequenceEqual("for"u8) || word.SequenceEqual("range"u8)
        || word.SequenceEqual("switch"u8) || word.SequenceEqual("case"u8) || word.SequenceEqual("default"u8)
        || word.SequenceEqual("select"u8) || word.SequenceEqual("go"u8) || word.SequenceEqual("defer"u8)
        || word.SequenceEqual("chan"u8) || word.SequenceEqual("map"u8) || word.SequenceEqual("struct"u8)
        || word.SequenceEqual("interface"u8) || word.SequenceEqual("goto"u8);
}
