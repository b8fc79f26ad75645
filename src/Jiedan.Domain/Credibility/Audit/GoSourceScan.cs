using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.Coverage;

namespace Jiedan.Domain.Credibility.Audit;

/// <summary>One exported top-level identifier and whether a doc comment precedes it.</summary>
public readonly record struct ExportedIdentifier(string Name, int Line, bool Documented);

/// <summary>What one Go file declares that the audit counts.</summary>
public sealed record GoFileScan(string Package, IReadOnlyList<ExportedIdentifier> Exported, IReadOnlyList<GoBenchmark> Benchmarks);

/// <summary>A <c>func BenchmarkXxx(b *testing.B)</c> and its line.</summary>
public readonly record struct GoBenchmark(string Name, int Line);

/// <summary>
/// Reads a Go file's top-level declarations with the gate's lexer (<see cref="GoLexer"/>, comments kept): the package
/// name, every exported func, method, type, const and var (grouped declarations name by name) with whether it has a doc
/// comment (one ending on the line above it, or the group's own for a name inside <c>const (…)</c>), and the lines of
/// <c>func BenchmarkXxx(b *testing.B)</c>. Methods count when their receiver's type is exported too, as <c>go doc</c>
/// shows them. Source that does not lex throws <c>GateInputException</c> naming the file and line.
/// </summary>
public static class GoSourceScan
{
    public const int MaxIdentifiers = 100_000;

    public static GoFileScan Scan(ReadOnlySpan<byte> source, string name)
    {
        var tokens = Tokens(source, name);
        var exported = new List<ExportedIdentifier>();
        var benchmarks = new List<GoBenchmark>();
        var package = "";
        var lastCommentEnd = -1;
        var atStart = true;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind == GoTokenKind.Comment) { lastCommentEnd = t.EndLine; continue; }
            if (t.Kind == GoTokenKind.Semicolon) { atStart = true; continue; }
            if (!atStart) continue;
            atStart = false;
            var documented = lastCommentEnd == t.Line - 1;
            var word = t.Kind == GoTokenKind.Word ? t.Text(source) : "";
            switch (word)
            {
                case "package" when Word(tokens, i + 1, source) is { } p: package = p; break;
                case "func": Func(tokens, i, source, documented, exported, benchmarks); break;
                case "type" or "const" or "var": Specs(tokens, i, source, documented, exported); break;
            }
            if (exported.Count > MaxIdentifiers) throw new GateInputException(name, t.Line, $"more than {MaxIdentifiers} identifiers");
            i = SkipDeclaration(tokens, i, source);
        }
        return new GoFileScan(package, exported, benchmarks);
    }

    /// <summary>Whether Go exports the name (its first letter is upper case, Unicode included).</summary>
    public static bool IsExported(string name) => name.Length > 0 && char.IsUpper(name, 0);

    private static List<GoToken> Tokens(ReadOnlySpan<byte> source, string name)
    {
        var lexer = new GoLexer(name, emitComments: true);
        var tokens = new List<GoToken>();
        for (var i = 0; ;)
        {
            var t = lexer.Next(source, ref i);
            if (t.Kind == GoTokenKind.End) return tokens;
            tokens.Add(t);
        }
    }

    private static void Func(List<GoToken> tokens, int at, ReadOnlySpan<byte> s, bool documented, List<ExportedIdentifier> exported,
        List<GoBenchmark> benchmarks)
    {
        var i = at + 1;
        string? receiver = null;
        if (i < tokens.Count && tokens[i].Is(s, '('))
        {
            var close = Matching(tokens, i, s);
            receiver = ReceiverType(tokens, i + 1, close, s);
            i = close + 1;
        }
        if (Word(tokens, i, s) is not { } name) return;
        if (receiver is null && name.StartsWith("Benchmark", StringComparison.Ordinal) && TakesTestingB(tokens, i + 1, s))
            benchmarks.Add(new GoBenchmark(name, tokens[i].Line));
        if (IsExported(name) && (receiver is null || IsExported(receiver)))
            exported.Add(new ExportedIdentifier(receiver is null ? name : receiver + "." + name, tokens[i].Line, documented));
    }

    /// <summary><c>type A …</c>, <c>const A, B = …</c>, or a group <c>var ( … )</c> whose specs start each line.</summary>
    private static void Specs(List<GoToken> tokens, int at, ReadOnlySpan<byte> s, bool documented, List<ExportedIdentifier> exported)
    {
        var i = at + 1;
        if (i >= tokens.Count) return;
        if (!tokens[i].Is(s, '('))
        {
            Names(tokens, i, s, documented, exported);
            return;
        }
        var close = Matching(tokens, i, s);
        var lastCommentEnd = -1;
        var specStart = true;
        var depth = 0;
        for (var j = i + 1; j < close; j++)
        {
            var t = tokens[j];
            if (t.Kind == GoTokenKind.Comment) { lastCommentEnd = t.EndLine; continue; }
            if (depth == 0 && t.Kind == GoTokenKind.Semicolon) { specStart = true; continue; }
            if (t.Is(s, '(') || t.Is(s, '[') || t.Is(s, '{')) depth++;
            else if (t.Is(s, ')') || t.Is(s, ']') || t.Is(s, '}')) depth--;
            if (!specStart || depth != 0) continue;
            specStart = false;
            Names(tokens, j, s, documented || lastCommentEnd == t.Line - 1, exported);
        }
    }

    /// <summary>The names of one spec: a word, then more after each comma.</summary>
    private static void Names(List<GoToken> tokens, int i, ReadOnlySpan<byte> s, bool documented, List<ExportedIdentifier> exported)
    {
        while (Word(tokens, i, s) is { } name)
        {
            if (IsExported(name)) exported.Add(new ExportedIdentifier(name, tokens[i].Line, documented));
            if (i + 1 < tokens.Count && tokens[i + 1].Is(s, ',')) i += 2;
            else return;
        }
    }

    /// <summary>The receiver's type name: the last word at the receiver's own level (<c>(s *List[T])</c> → List).</summary>
    private static string? ReceiverType(List<GoToken> tokens, int from, int to, ReadOnlySpan<byte> s)
    {
        string? type = null;
        var depth = 0;
        for (var i = from; i < to; i++)
        {
            var t = tokens[i];
            if (t.Is(s, '[') || t.Is(s, '(')) depth++;
            else if (t.Is(s, ']') || t.Is(s, ')')) depth--;
            else if (depth == 0 && t.Kind == GoTokenKind.Word) type = t.Text(s);
        }
        return type;
    }

    private static bool TakesTestingB(List<GoToken> tokens, int i, ReadOnlySpan<byte> s)
    {
        if (i >= tokens.Count || !tokens[i].Is(s, '(')) return false;
        var close = Matching(tokens, i, s);
        for (var j = i + 1; j + 2 < close; j++)
            if (Word(tokens, j, s) == "testing" && tokens[j + 1].Is(s, '.') && Word(tokens, j + 2, s) == "B") return true;
        return false;
    }

    private static string? Word(List<GoToken> tokens, int i, ReadOnlySpan<byte> s) =>
        i < tokens.Count && tokens[i].Kind == GoTokenKind.Word ? tokens[i].Text(s) : null;

    /// <summary>The index of the bracket closing the one at <paramref name="open"/> (the last token when unbalanced).</summary>
    private static int Matching(List<GoToken> tokens, int open, ReadOnlySpan<byte> s)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Is(s, '(') || t.Is(s, '[') || t.Is(s, '{')) depth++;
            else if ((t.Is(s, ')') || t.Is(s, ']') || t.Is(s, '}')) && --depth == 0) return i;
        }
        return tokens.Count - 1;
    }

    /// <summary>The last token of the declaration starting at <paramref name="at"/>: the next semicolon outside brackets.</summary>
    private static int SkipDeclaration(List<GoToken> tokens, int at, ReadOnlySpan<byte> s)
    {
        var depth = 0;
        for (var i = at; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Is(s, '(') || t.Is(s, '[') || t.Is(s, '{')) depth++;
            else if (t.Is(s, ')') || t.Is(s, ']') || t.Is(s, '}')) depth--;
            else if (depth <= 0 && t.Kind == GoTokenKind.Semicolon) return i - 1;
        }
        return tokens.Count;
    }
}
