namespace Jiedan.Domain.Gate.Coverage;

/// <summary>Where a top-level function declaration with a body runs, in go/token positions (1-based, columns in bytes).</summary>
public readonly record struct FuncExtent(int StartLine, int StartCol, int EndLine, int EndCol);

/// <summary>
/// Finds the function declarations <c>go tool cover -func</c> maps coverage blocks to: every top-level <c>func</c>
/// declaration with a body, from its <c>func</c> keyword to just past its closing brace. Function literals (<c>var f =
/// func() {…}</c>) are not declarations. A small lexer, not a parser: it honours comments, interpreted and raw strings,
/// rune literals and Go's automatic semicolons, which is all it takes to tell a declaration from a literal and to match
/// braces (<see cref="GoLexer"/>). Source that does not lex (an unterminated string or comment, unbalanced braces)
/// throws <see cref="GateInputException"/> naming the file and line; the content is never echoed.
/// </summary>
public static class GoFuncDeclarations
{
    public const int MaxFunctions = 1_000_000;

    public static IReadOnlyList<FuncExtent> Find(ReadOnlySpan<byte> source, string name)
    {
        var found = new List<FuncExtent>();
        var scan = new GoLexer(name);
        var depth = 0;
        var atDeclarationStart = true; // at file start or after a ';' (written or inserted) at depth 0
        (int Line, int Col)? pending = null; // a top-level func keyword whose body is not open yet
        var bodyDepth = -1;
        var typeBraces = 0; // braces of struct{…}/interface{…} in a signature before the body
        var previousWord = "";
        for (var i = 0; i < source.Length;)
        {
            var token = scan.Next(source, ref i);
            if (token.Kind == GoTokenKind.End) break;
            if (token.Kind == GoTokenKind.Semicolon)
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
            if (token.Kind == GoTokenKind.Word)
            {
                var word = token.Text(source);
                if (depth == 0 && startsDeclaration && word == "func") pending = (token.Line, token.Col);
                previousWord = word;
                continue;
            }
            if (token.Kind != GoTokenKind.Punct) { previousWord = ""; continue; }
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
}
