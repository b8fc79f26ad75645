using System.Runtime.CompilerServices;
using Jiedan.Loc.Languages;

namespace Jiedan.Loc.Counting;

/// <summary>
/// Classifies every line of a file as blank, comment or code in one pass over its bytes, without building
/// strings. By default a line is code when anything outside comments remains on it. In the cloc-compatible
/// mode it reproduces the outcome of cloc's filters (blank lines first, whole-line comment filters, then block
/// comments cut out of the joined text): there a "segment" is what cloc ends up with as one line after a block
/// comment spanning lines is cut out, and it is one code line if any code remains in it.
/// The hot methods skip tiered compilation: a scan is over long before tier-0 code would be replaced.
/// </summary>
internal ref struct LineClassifier
{
    private enum Mode { Code, Block, Docstring, String }

    private readonly ReadOnlySpan<byte> _data;
    private readonly CompiledSyntax _s;
    private Mode _mode;
    private int _depth;
    private StringSyntax? _string;
    private byte _docQuote;
    private bool _segmentHasCode;
    private bool _segmentIsComment;
    private bool _segmentOpen;
    private long _code;
    private int _knownCloseAt;
    private byte[]? _heredocEnd;
    private bool _heredocIndented;
    private byte[]? _pendingHeredoc;
    private bool _pendingIndented;
    private int _noCloseFrom;

    private LineClassifier(ReadOnlySpan<byte> data, CompiledSyntax syntax)
    {
        _data = data;
        _s = syntax;
        _knownCloseAt = -1;
        _noCloseFrom = int.MaxValue;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static LineCounts Count(ReadOnlySpan<byte> data, CompiledSyntax syntax)
    {
        var classifier = new LineClassifier(SkipByteOrderMark(data), syntax);
        return classifier.Run();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private LineCounts Run()
    {
        long blank = 0, nonBlank = 0;
        var prevEndsBackslash = false;
        var lastCodeEndsBackslash = false;
        var seenNonBlank = false;
        var toEndOfFile = false;
        var inLineBlock = false;
        var pos = 0;
        var data = _data;

        var lineEnds = new LineEnds(data);
        var nextStop = -1;
        var lineEndsBehind = false;
        while (pos < data.Length)
        {
            int lineStart, end, firstNonWs;
            // Outside comments and strings, the whole lines before the next run stop (an opener) are code or blank: counted in
            // one go, and the stop's line is found on the way.
            if (_s.PlainLinesAreCode && _mode == Mode.Code && _heredocEnd is null && !_segmentOpen && !_segmentHasCode
                && (seenNonBlank || !_s.Script) && !(_s.ClocCompatible && _s.BackslashContinuation && prevEndsBackslash))
            {
                if (nextStop < pos && !_s.RunStops.FitsCompares)
                {
                    var k = ByteScan.IndexOfAny(data[pos..], _s.RunStops);
                    nextStop = k < 0 ? data.Length : pos + k;
                }
                var run = PlainRuns.Count(data, pos, _s.RunStops, nextStop < pos ? -1 : nextStop);
                nextStop = run.Stop;
                blank += run.Lines - run.NonBlank;
                nonBlank += run.NonBlank;
                _code += run.NonBlank;
                // The backslash flags matter only where runs stop at backslashes: there no line of a run ends with one.
                if (run.NonBlank > 0) (seenNonBlank, lastCodeEndsBackslash) = (true, false);
                if (run.Lines > 0) prevEndsBackslash = false;
                if (nextStop == data.Length) break;
                (lineStart, end) = (run.StopLineStart, run.StopLineEnd);
                firstNonWs = ByteScan.IndexOfNonWhitespace(data[lineStart..nextStop]);
                if (firstNonWs < 0) firstNonWs = nextStop - lineStart; // a stop is never whitespace
                lineEndsBehind = true;
            }
            else
            {
                if (lineEndsBehind) lineEnds.SkipTo(pos);
                lineEndsBehind = false;
                end = lineEnds.Next();
                lineStart = pos;
                firstNonWs = ByteScan.IndexOfNonWhitespace(data[lineStart..end]);
            }
            pos = end < data.Length ? end + 1 : data.Length;
            var line = data[lineStart..end];

            if (firstNonWs < 0)
            {
                if (_s.ClocCompatible && _s.BackslashContinuation && prevEndsBackslash)
                {
                    // cloc keeps a blank line after a continued line; it survives as code when the last line
                    // left after comment filtering also ends with a backslash.
                    nonBlank++;
                    if (_segmentOpen)
                    {
                        CloseSegment();
                    }
                    else if (_mode == Mode.Code && lastCodeEndsBackslash)
                    {
                        _code++;
                        lastCodeEndsBackslash = false;
                    }
                }
                else
                {
                    blank++;
                }
                prevEndsBackslash = false;
                continue;
            }

            nonBlank++;
            var trimmedEnd = line.Length;
            if (line[trimmedEnd - 1] == '\r') trimmedEnd--;
            var endsBackslash = trimmedEnd > 0 && line[trimmedEnd - 1] == '\\';
            prevEndsBackslash = endsBackslash;
            var firstLine = !seenNonBlank;
            seenNonBlank = true;

            if (_heredocEnd is not null)
            {
                _code++; // a here-document's lines are code, the terminator too
                if (IsHeredocEnd(line)) _heredocEnd = null;
                continue;
            }
            if (firstLine && _s.Script && line[firstNonWs..].StartsWith("#!"u8) && firstNonWs == 0)
            {
                _code++; // cloc puts a scripting language's #! line back as code
                continue;
            }
            if (!_s.PlainLinesAreCode && IsWholeLineComment(line, firstNonWs, ref toEndOfFile, ref inLineBlock)) continue;

            // The run may have stopped at this line's first special byte: it has when every stop is a special, or when only
            // blanks come before a stop that is one.
            var stopHere = nextStop >= lineStart && nextStop < end;
            var firstSpecial = stopHere && (_s.StopsAreSpecials
                || nextStop - lineStart == firstNonWs && _s.Specials.Values.Contains(data[nextStop])) ? nextStop - lineStart : -1;
            var lineCommentEnded = ScanLine(line, lineStart, firstNonWs, firstSpecial);
            if (_pendingHeredoc is not null)
            {
                (_heredocEnd, _heredocIndented, _pendingHeredoc) = (_pendingHeredoc, _pendingIndented, null);
            }
            if (_mode is Mode.Block or Mode.Docstring)
            {
                if (!_s.ClocCompatible || _s.BlockStyle == BlockCommentStyle.PerLine && _mode == Mode.Block)
                {
                    CloseSegment(); // a line with code and a comment is code
                }
                else if (_s.BlockStyle == BlockCommentStyle.Merge || _mode == Mode.Docstring)
                {
                    _segmentOpen = true;
                }
                else
                {
                    _segmentHasCode = false; // cloc's HTML filter drops a line that ends inside a comment
                    _segmentIsComment = false;
                }
            }
            else if (_mode == Mode.String)
            {
                _segmentHasCode = true;
                CloseSegment();
                if (!_string!.Multiline) _mode = Mode.Code;
            }
            else if (_s.ClocCompatible && lineCommentEnded && endsBackslash && _s.BlockStyle == BlockCommentStyle.Merge)
            {
                _segmentOpen = true; // the C++ comment regex eats the newline of a continued line
            }
            else
            {
                if (_s.ClocCompatible && _s.BackslashContinuation && lastCodeEndsBackslash && !_segmentHasCode)
                    _segmentHasCode = true; // what is left of a comment behind a continued line survives cloc's blank filter
                if (_segmentHasCode && !_segmentIsComment) lastCodeEndsBackslash = endsBackslash && !lineCommentEnded;
                CloseSegment();
            }
        }
        if (_segmentOpen) CloseSegment();
        return new LineCounts(blank, nonBlank - _code, _code);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CloseSegment()
    {
        if (_segmentHasCode && !_segmentIsComment) _code++;
        _segmentHasCode = false;
        _segmentIsComment = false;
        _segmentOpen = false;
    }

    /// <summary>
    /// Code found at <paramref name="at"/>. cloc applies some whole-line filters after cutting block comments
    /// (Assembly's '^\s*@', '^\*' …): the first code of a segment decides whether they drop it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MarkCode(ReadOnlySpan<byte> line, int at)
    {
        if (_segmentHasCode) return;
        _segmentHasCode = true;
        if (_s.PostLineStartComments.Length == 0 && _s.PostColumnZeroComments.Length == 0) return;
        var rest = line[at..];
        foreach (var marker in _s.PostLineStartComments)
            if (rest.StartsWith(marker)) _segmentIsComment = true;
        if (at == 0 && !_segmentOpen)
            foreach (var marker in _s.PostColumnZeroComments)
                if (rest.StartsWith(marker)) _segmentIsComment = true;
    }

    /// <summary>cloc's remove_matches / remove_below / remove_below_above: filters that drop whole lines before comments are cut.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsWholeLineComment(ReadOnlySpan<byte> line, int firstNonWs, ref bool toEndOfFile, ref bool inLineBlock)
    {
        if (toEndOfFile) return true;
        foreach (var marker in _s.CommentToEndOfFile)
        {
            if (line.StartsWith(marker))
            {
                toEndOfFile = true;
                return true;
            }
        }
        if (_s.LineBlock is { } lineBlock)
        {
            if (inLineBlock)
            {
                if (StartsWithIgnoreCase(line, lineBlock.EndBytes)) inLineBlock = false;
                return true;
            }
            if (StartsWithIgnoreCase(line, lineBlock.BeginBytes))
            {
                inLineBlock = true;
                return true;
            }
        }
        var content = line[firstNonWs..];
        foreach (var marker in _s.LineStartComments)
            if (StartsWithIgnoreCase(content, marker)) return true;
        foreach (var marker in _s.ColumnZeroComments)
            if (line.StartsWith(marker)) return true;
        foreach (var marker in _s.CommentIfContains)
            if (line.IndexOf(marker) >= 0) return true;
        return false;
    }

    /// <summary>
    /// Scans one line; returns whether a line comment ended it. <paramref name="firstSpecial"/> is the index of its first
    /// special byte when already known (else -1); <paramref name="firstNonWs"/> that of its first non-blank byte.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ScanLine(ReadOnlySpan<byte> line, int lineStart, int firstNonWs, int firstSpecial)
    {
        if (_mode == Mode.String) _segmentHasCode = true; // a non-blank line inside a string literal is code
        var i = 0;
        while (i < line.Length)
        {
            switch (_mode)
            {
                case Mode.Code:
                {
                    var rest = line[i..];
                    var k = i == 0 && firstSpecial >= 0 ? firstSpecial : ByteScan.IndexOfAny(rest, _s.Specials);
                    if (k < 0)
                    {
                        var at = i == 0 ? firstNonWs : ByteScan.IndexOfNonWhitespace(rest);
                        if (at >= 0) MarkCode(line, i + at);
                        return false;
                    }
                    if (k > 0)
                    {
                        var at = i == 0 ? (firstNonWs < k ? firstNonWs : -1) : ByteScan.IndexOfNonWhitespace(rest[..k]);
                        if (at >= 0) MarkCode(line, i + at);
                    }
                    i += k;
                    rest = line[i..];
                    // the block opener first: Julia's #= and Nim's #[ start with their line-comment marker
                    if (_s.BlockOpen is { } open && rest.StartsWith(open) && BlockCommentCloses(lineStart + i + open.Length))
                    {
                        _mode = Mode.Block;
                        _depth = 1;
                        i += open.Length;
                        continue;
                    }
                    if (StartsWithAny(rest, _s.LineComments)) return true;
                    if (_s.TripleQuotes && TryOpenDocstring(rest, lineStart + i, out var consumed))
                    {
                        i += consumed;
                        continue;
                    }
                    if (TryOpenString(rest, out var opened))
                    {
                        MarkCode(line, i);
                        i += opened;
                        continue;
                    }
                    if (_s.Heredocs && TryOpenHeredoc(rest, out var heredocLength))
                    {
                        MarkCode(line, i);
                        i += heredocLength;
                        continue;
                    }
                    if (_s.CharLiterals && rest[0] == '\'')
                    {
                        MarkCode(line, i);
                        i += CharLiteralLength(rest);
                        continue;
                    }
                    MarkCode(line, i); // a special byte that starts nothing is code (it is never whitespace)
                    i++;
                    break;
                }
                case Mode.Block:
                    i = ScanBlock(line, i);
                    break;
                case Mode.Docstring:
                    i = ScanDocstring(line, i);
                    break;
                case Mode.String:
                    i = ScanString(line, i);
                    break;
            }
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ScanBlock(ReadOnlySpan<byte> line, int i)
    {
        var rest = line[i..];
        var close = rest.IndexOf(_s.BlockClose!);
        if (_s.NestedBlockComments)
        {
            var open = rest.IndexOf(_s.BlockOpen!);
            if (open >= 0 && (close < 0 || open < close))
            {
                _depth++;
                return i + open + _s.BlockOpen!.Length;
            }
        }
        if (close < 0) return line.Length;
        if (--_depth == 0) _mode = Mode.Code;
        return i + close + _s.BlockClose!.Length;
    }

    /// <summary>cloc turns """ and ''' into /* and */ alternately; in the cloc-compatible mode either quote closes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryOpenDocstring(ReadOnlySpan<byte> rest, int absolute, out int consumed)
    {
        consumed = 0;
        var skip = rest[0] is (byte)'u' or (byte)'U' ? 1 : 0;
        if (skip == 1 && (absolute > 0 && IsWordByte(_data[absolute - 1]))) return false;
        var quotes = rest[skip..];
        if (quotes.Length < 3 || quotes[0] is not ((byte)'"' or (byte)'\'') || quotes[1] != quotes[0]
            || quotes[2] != quotes[0]) return false;
        _docQuote = quotes[0];
        if (!DocstringCloses(absolute + skip + 3)) return false;
        _mode = Mode.Docstring;
        consumed = skip + 3;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ScanDocstring(ReadOnlySpan<byte> line, int i)
    {
        var rest = line[i..];
        var at = FindDocstringClose(rest);
        if (at < 0) return line.Length;
        _mode = Mode.Code;
        return i + at + 3;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindDocstringClose(ReadOnlySpan<byte> text)
    {
        if (!_s.ClocCompatible) return text.IndexOf(_docQuote == '"' ? "\"\"\""u8 : "'''"u8);
        var dq = text.IndexOf("\"\"\""u8);
        var sq = text.IndexOf("'''"u8);
        return dq < 0 ? sq : sq < 0 ? dq : Math.Min(dq, sq);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool DocstringCloses(int from) => FindDocstringClose(_data[from..]) >= 0;

    /// <summary>cloc's comment regex only matches an opener that has a closer somewhere after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool BlockCommentCloses(int from)
    {
        if (_s.BlockStyle != BlockCommentStyle.Merge) return true;
        if (from >= _noCloseFrom) return false;
        if (_knownCloseAt >= from) return true;
        var at = _data[from..].IndexOf(_s.BlockClose!);
        if (at < 0)
        {
            _noCloseFrom = from;
            return false;
        }
        _knownCloseAt = from + at;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryOpenString(ReadOnlySpan<byte> rest, out int consumed)
    {
        foreach (var s in _s.Strings)
        {
            if (!rest.StartsWith(s.OpenBytes)) continue;
            _mode = Mode.String;
            _string = s;
            consumed = s.OpenBytes.Length;
            return true;
        }
        consumed = 0;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ScanString(ReadOnlySpan<byte> line, int i)
    {
        var s = _string!;
        var close = s.CloseBytes;
        var escape = (byte)s.Escape;
        while (i < line.Length)
        {
            var rest = line[i..];
            var k = ByteScan.IndexOfAny(rest, s.Stops);
            if (k < 0) return line.Length;
            if (escape != 0 && rest[k] == escape)
            {
                i += k + 2;
                continue;
            }
            if (rest[k..].StartsWith(close))
            {
                _mode = Mode.Code;
                return i + k + close.Length;
            }
            i += k + 1;
        }
        return line.Length;
    }

    /// <summary>`<<WORD`, `<<-WORD`, `<<~WORD`, `<<'WORD'`, `<<"WORD"` (spaces allowed before a quoted word): the here-document
    /// starts on the next line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryOpenHeredoc(ReadOnlySpan<byte> rest, out int consumed)
    {
        consumed = 0;
        if (!rest.StartsWith("<<"u8)) return false;
        var i = 2;
        var indented = i < rest.Length && rest[i] is (byte)'-' or (byte)'~';
        if (indented) i++;
        var spaces = i;
        while (i < rest.Length && rest[i] is (byte)' ' or (byte)'\t') i++;
        var quote = i < rest.Length && rest[i] is (byte)'\'' or (byte)'"' ? rest[i] : (byte)0;
        if (quote == 0 && i != spaces) return false;
        if (quote != 0) i++;
        var start = i;
        while (i < rest.Length && IsWordByte(rest[i])) i++;
        if (i == start || rest[start] is >= (byte)'0' and <= (byte)'9') return false;
        var word = rest[start..i];
        if (quote != 0)
        {
            if (i >= rest.Length || rest[i] != quote) return false;
            i++;
        }
        _pendingHeredoc = word.ToArray();
        _pendingIndented = indented;
        consumed = i;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private readonly bool IsHeredocEnd(ReadOnlySpan<byte> line)
    {
        if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
        if (_heredocIndented) line = line.TrimStart((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t']);
        return line.TrimEnd((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t']).SequenceEqual(_heredocEnd);
    }

    /// <summary>Length of a character literal at the start of <paramref name="rest"/>, or 1 when the quote starts none (a Rust
    /// lifetime).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CharLiteralLength(ReadOnlySpan<byte> rest)
    {
        if (rest.Length >= 3 && rest[1] == '\\')
        {
            var close = rest[3..Math.Min(rest.Length, 12)].IndexOf((byte)'\'');
            return close < 0 ? 1 : close + 4;
        }
        if (rest.Length < 3) return 1;
        var width = Utf8Width(rest[1]);
        return rest.Length > 1 + width && rest[1 + width] == '\'' ? width + 2 : 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Utf8Width(byte lead) => lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsWordByte(byte b) => b == '_' || (b | 0x20) is >= (byte)'a' and <= (byte)'z' || b is >= (byte)'0' and <= (byte)'9';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool StartsWithAny(ReadOnlySpan<byte> text, byte[][] markers)
    {
        foreach (var m in markers)
            if (text.StartsWith(m)) return true;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, byte[] lowerMarker)
    {
        if (text.Length < lowerMarker.Length) return false;
        for (var i = 0; i < lowerMarker.Length; i++)
        {
            var b = text[i];
            if (b is >= (byte)'A' and <= (byte)'Z') b = (byte)(b | 0x20);
            if (b != lowerMarker[i]) return false;
        }
        return true;
    }

    /// <summary>cloc strips a UTF-8/UTF-16/UTF-32 byte order mark from the first line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlySpan<byte> SkipByteOrderMark(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return data[3..];
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return data[2..];
        return data;
    }
}
