namespace Jiedan.Domain.Gate.Coverage;

/// <summary>Where a top-level function declaration with a body runs, in go/token positions (1-based, columns in bytes).</summary>
public readonly record struct FuncExtent(int StartLine, int StartCol, int EndLine, int EndCol);

/// <summary>
/// Finds the function declarations <c>go tool cover -func</c> maps coverage blocks to: every top-level <c>func</c>
/// declaration with a body, from its <c>func</c> keyword to just past its closing brace. Function literals (<c>var f =
/// func() {…}</c>) are not declarations. A small lexer, not a parser: it honours comments, interpreted and raw strings,
/// rune literals and Go's automatic semicolons, which is all it takes to tell a declaration from a literal and to match
/// braces. Source that does not lex (an unterminated string or comment, unbalanced braces) throws
/// <see cref="GateInputException"/> naming the file and line; the content is never echoed.
/// </summary>
public static class GoFuncDeclarations
{
    public const int MaxFunctions = 1_000_000;

    public static IReadOnlyList<FuncExtent> Find(ReadOnlySpan<byte> source, string name)
    {
        var found = new List<FuncExtent>();
        var scan = new Lexer(name);
        var depth = 0;
        var atDeclarationStart = true; // at file start or after a ';' (written or inserted) at depth 0
        (int Line, int Col)? pending = null; // a top-level func keyword whose body is not open yet
        var bodyDepth = -1;
        var typeBraces = 0; // braces of struct{…}/interface{…} in a signature before the body
        var previousWord = "";
        for (var i = 0; i < source.Length;)
        {
            var token = scan.Next(source, ref i);
            if (token.Kind == TokenKind.End) break;
            if (token.Kind == TokenKind.Semicolon)
            {
                if (depth == 0)
                {
                    pending = null; // "func f(x int) int" without a body: assembly-backed, not counted by -func
                    atDeclarationStart = true;
                }
                continue;
            }
            var startsDeclaration = atDeclarationStart;
            atDeclarationStart = false;
            if (token.Kind == TokenKind.Word)
            {
                var word = token.Text(source);
                if (depth == 0 && startsDeclaration && word == "func") pending = (token.Line, token.Col);
                previousWord = word;
                continue;
            }
            if (token.Kind != TokenKind.Punct) { previousWord = ""; continue; }
            var c = source[token.Start];
            if (c is (byte)'(' or (byte)'[') depth++;
            else if (c is (byte)')' or (byte)']') depth--;
            else if (c == (byte)'{')
            {
                var inSignature = pending is not null && bodyDepth < 0;
                if (inSignature && previousWord is "struct" or "interface") typeBraces++;
                else if (inSignature && depth == 0 && typeBraces == 0) bodyDepth = depth;
                depth++;
            }
            else if (c == (byte)'}')
            {
                depth--;
                if (typeBraces > 0 && bodyDepth < 0) typeBraces--;
                else if (pending is { } start && depth == bodyDepth)
                {
                    if (found.Count >= MaxFunctions) throw new GateInputException(name, token.Line, $"more than {MaxFunctions} functions");
                    found.Add(new FuncExtent(start.Line, start.Col, token.Line, token.Col + 1));
                    pending = null;
                    bodyDepth = -1;
                }
            }
            if (depth < 0) throw new GateInputException(name, token.Line, "unbalanced brackets in a Go source file");
            previousWord = "";
        }
        if (depth != 0) throw new GateInputException(name, null, "unbalanced brackets in a Go source file");
        return found;
    }

    private enum TokenKind { End, Word, Literal, Punct, Semicolon }

    private readonly record struct Token(TokenKind Kind, int Start, int Length, int Line, int Col)
    {
        public string Text(ReadOnlySpan<byte> source) => System.Text.Encoding.UTF8.GetString(source.Slice(Start, Length));
    }

    /// <summary>Go's lexer reduced to what matters here, including the semicolon inserted at a line end.</summary>
    private sealed class Lexer(string name)
    {
        private int _line = 1;
        private int _lineStart;
        private bool _semicolonAtNewline;

        public Token Next(ReadOnlySpan<byte> s, ref int i)
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
                    while (i < s.Length && s[i] != (byte)'\n') i++;
                    continue;
                }
                if (c == (byte)'/' && i + 1 < s.Length && s[i + 1] == (byte)'*')
                {
                    var line = _line;
                    var end = s[(i + 2)..].IndexOf("*/"u8);
                    if (end < 0) throw new GateInputException(name, line, "unterminated comment in a Go source file");
                    var body = s.Slice(i + 2, end);
                    var lines = body.Count((byte)'\n');
                    i += end + 4;
                    if (lines > 0)
                    {
                        _line += lines;
                        _lineStart = i - (body.Length - body.LastIndexOf((byte)'\n') - 1) - 2;
                        if (_semicolonAtNewline) { _semicolonAtNewline = false; return new Token(TokenKind.Semicolon, i, 0, line, 0); }
                    }
                    continue;
                }
                return Lex(s, ref i);
            }
            if (_semicolonAtNewline) { _semicolonAtNewline = false; return new Token(TokenKind.Semicolon, i, 0, _line, 0); }
            return new Token(TokenKind.End, i, 0, _line, 0);
        }

        private Token? NewLine(ref int i)
        {
            var line = _line;
            i++;
            _line++;
            _lineStart = i;
            if (!_semicolonAtNewline) return null;
            _semicolonAtNewline = false;
            return new Token(TokenKind.Semicolon, i - 1, 0, line, 0);
        }

        private Token Lex(ReadOnlySpan<byte> s, ref int i)
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
                return new Token(number ? TokenKind.Literal : TokenKind.Word, start, i - start, line, col);
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
                return new Token(TokenKind.Literal, start, i - start, line, col);
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
                return new Token(TokenKind.Literal, start, i - start, line, col);
            }
            i++;
            if (c == (byte)';') { _semicolonAtNewline = false; return new Token(TokenKind.Semicolon, start, 1, line, col); }
            var twice = i < s.Length && s[i] == c && c is (byte)'+' or (byte)'-';
            if (twice) i++;
            _semicolonAtNewline = twice || c is (byte)')' or (byte)']' or (byte)'}';
            return new Token(TokenKind.Punct, start, i - start, line, col);
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
}
