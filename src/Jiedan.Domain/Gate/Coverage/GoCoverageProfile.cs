using System.Buffers;
using System.Text;

namespace Jiedan.Domain.Gate.Coverage;

/// <summary>
/// Reads Go coverage profiles (<c>mode: set|count|atomic</c>), merging any number of them block by block the way
/// <c>golang.org/x/tools/cover</c> does (set: OR, count/atomic: sum; the same block must keep its statement count).
/// Streams the input; memory grows with the number of distinct blocks, not with the file size.
/// </summary>
public sealed class GoCoverageProfile
{
    private readonly Dictionary<BlockKey, int> _index = [];
    private readonly List<int> _statements = [];
    private readonly List<long> _counts = [];
    private readonly List<string> _files = [];
    private readonly Dictionary<string, int> _fileIds = new(StringComparer.Ordinal);
    private string? _mode;
    private string? _modeSource;

    public string? Mode => _mode;
    public int BlockCount => _statements.Count;

    private readonly record struct BlockKey(int File, int StartLine, int StartCol, int EndLine, int EndCol);

    public static CoverageSummary Summarize(IEnumerable<(Stream Content, string Name)> profiles)
    {
        var profile = new GoCoverageProfile();
        foreach (var (content, name) in profiles) profile.Add(content, name);
        return profile.Summary();
    }

    /// <summary>Adds one profile. Throws <see cref="GateInputException"/> naming the line on malformed input.</summary>
    public void Add(Stream content, string name)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            var filled = 0;
            long lineNumber = 0;
            var sawMode = false;
            var lastFile = Array.Empty<byte>();
            var lastFileId = -1;
            while (true)
            {
                var read = content.Read(buffer, filled, buffer.Length - filled);
                var end = filled + read;
                var start = 0;
                while (true)
                {
                    var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                    if (newline < 0) break;
                    lineNumber++;
                    ParseLine(buffer.AsSpan(start, newline), name, lineNumber, ref sawMode, ref lastFile, ref lastFileId);
                    start += newline + 1;
                }
                if (read == 0)
                {
                    if (end > start)
                    {
                        lineNumber++;
                        ParseLine(buffer.AsSpan(start, end - start), name, lineNumber, ref sawMode, ref lastFile, ref lastFileId);
                    }
                    break;
                }
                filled = end - start;
                if (filled == buffer.Length)
                    throw new GateInputException(name, lineNumber + 1, $"line longer than {buffer.Length} bytes");
                buffer.AsSpan(start, filled).CopyTo(buffer);
            }
            if (!sawMode) throw new GateInputException(name, null, "not a Go coverage profile: no 'mode:' line");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void ParseLine(ReadOnlySpan<byte> line, string name, long lineNumber, ref bool sawMode, ref byte[] lastFile, ref int lastFileId)
    {
        if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
        if (line.IsEmpty) return;
        if (line.StartsWith("mode:"u8))
        {
            var mode = Encoding.UTF8.GetString(line[5..]).Trim();
            if (mode is not ("set" or "count" or "atomic"))
                throw new GateInputException(name, lineNumber, "unknown coverage mode (expected set, count or atomic)");
            if (_mode is null) { _mode = mode; _modeSource = name; }
            else if (_mode != mode)
                throw new GateInputException(name, lineNumber,
                    $"the mode differs from mode '{_mode}' in {_modeSource}; profiles of different modes cannot be merged");
            sawMode = true;
            return;
        }
        if (!sawMode) throw new GateInputException(name, lineNumber,
            "not a Go coverage profile: the first line must be 'mode: set|count|atomic'");

        // name.go:line.col,line.col numStmt count — parsed from the right, since file names may contain ':'.
        var lastSpace = line.LastIndexOf((byte)' ');
        if (lastSpace <= 0) throw Malformed(name, lineNumber, line);
        var count = ParseNumber(line[(lastSpace + 1)..], name, lineNumber, "count");
        var rest = line[..lastSpace];
        var secondSpace = rest.LastIndexOf((byte)' ');
        if (secondSpace <= 0) throw Malformed(name, lineNumber, line);
        var statements = ParseNumber(rest[(secondSpace + 1)..], name, lineNumber, "statement count");
        var location = rest[..secondSpace];
        var colon = location.LastIndexOf((byte)':');
        if (colon <= 0) throw Malformed(name, lineNumber, line);
        var range = location[(colon + 1)..];
        var comma = range.IndexOf((byte)',');
        if (comma < 0) throw BadRange(name, lineNumber, range, "expected startLine.startCol,endLine.endCol");
        var (startLine, startCol) = ParsePosition(range[..comma], name, lineNumber, range);
        var (endLine, endCol) = ParsePosition(range[(comma + 1)..], name, lineNumber, range);
        if (endLine < startLine || (endLine == startLine && endCol < startCol))
            throw BadRange(name, lineNumber, range, "the block ends before it starts");
        if (statements > int.MaxValue) throw new GateInputException(name, lineNumber, "statement count out of range");

        var file = location[..colon];
        if (!file.SequenceEqual(lastFile))
        {
            var fileName = Encoding.UTF8.GetString(file);
            if (!_fileIds.TryGetValue(fileName, out lastFileId))
            {
                lastFileId = _files.Count;
                _files.Add(fileName);
                _fileIds.Add(fileName, lastFileId);
            }
            lastFile = file.ToArray();
        }

        var key = new BlockKey(lastFileId, startLine, startCol, endLine, endCol);
        if (_index.TryGetValue(key, out var i))
        {
            if (_statements[i] != (int)statements)
                throw new GateInputException(name, lineNumber,
                    $"inconsistent statement count for the same block: was {_statements[i]}, now {statements}");
            _counts[i] = _mode == "set" ? (_counts[i] | count) : _counts[i] + count;
        }
        else
        {
            _index.Add(key, _statements.Count);
            _statements.Add((int)statements);
            _counts.Add(count);
        }
    }

    /// <summary>Totals weighted by statements, as <c>go tool cover -func</c> and <c>go test -cover</c> compute them.</summary>
    public CoverageSummary Summary()
    {
        var perFile = new (long Statements, long Covered)[_files.Count];
        foreach (var (key, i) in _index)
        {
            perFile[key.File].Statements += _statements[i];
            if (_counts[i] > 0) perFile[key.File].Covered += _statements[i];
        }
        var packages = new SortedDictionary<string, (long Statements, long Covered)>(StringComparer.Ordinal);
        for (var f = 0; f < _files.Count; f++)
        {
            var slash = _files[f].LastIndexOf('/');
            var package = slash < 0 ? "." : _files[f][..slash];
            packages.TryGetValue(package, out var t);
            packages[package] = (t.Statements + perFile[f].Statements, t.Covered + perFile[f].Covered);
        }
        var list = packages.Select(p => new PackageCoverage(p.Key, p.Value.Statements, p.Value.Covered)).ToList();
        return new CoverageSummary("go", list.Sum(p => p.Statements), list.Sum(p => p.Covered), list);
    }

    /// <summary>
    /// The summary with <c>go tool cover -func</c>'s total as well: each profile file's blocks are summed per function
    /// declaration (<paramref name="functionsOf"/> gives the declarations of a profile file name, or null when its source
    /// cannot be read, which leaves <see cref="CoverageSummary.InFunctions"/> null as -func would fail). A block belongs
    /// to a function when it starts inside it; -func's rule (it overlaps the function) is the same for the profiles Go
    /// writes, where a block never straddles a func keyword, and this one stays O(log n) per function on hostile input.
    /// </summary>
    public CoverageSummary Summary(Func<string, IReadOnlyList<FuncExtent>?> functionsOf)
    {
        var blocksByFile = _index.GroupBy(b => b.Key.File).ToDictionary(g => g.Key, g => g
            .Select(b => (Start: ((long)b.Key.StartLine << 32) | (uint)b.Key.StartCol, Index: b.Value)).OrderBy(b => b.Start).ToArray());
        long statements = 0, covered = 0;
        for (var f = 0; f < _files.Count; f++)
        {
            if (functionsOf(_files[f]) is not { } functions) return Summary();
            if (!blocksByFile.TryGetValue(f, out var blocks)) continue;
            var starts = blocks.Select(b => b.Start).ToArray();
            foreach (var fn in functions)
            {
                long from = ((long)fn.StartLine << 32) | (uint)fn.StartCol, to = ((long)fn.EndLine << 32) | (uint)fn.EndCol;
                var k = Array.BinarySearch(starts, from);
                if (k < 0) k = ~k;
                else while (k > 0 && starts[k - 1] == from) k--;
                for (; k < blocks.Length && blocks[k].Start < to; k++)
                {
                    var i = blocks[k].Index;
                    statements += _statements[i];
                    if (_counts[i] > 0) covered += _statements[i];
                }
            }
        }
        return Summary() with { InFunctions = new StatementCount(statements, covered) };
    }

    /// <summary>The file names as the profile writes them (import path and file), in order of first appearance.</summary>
    public IReadOnlyList<string> Files => _files;

    private static (int Line, int Col) ParsePosition(ReadOnlySpan<byte> text, string name, long lineNumber, ReadOnlySpan<byte> range)
    {
        var dot = text.IndexOf((byte)'.');
        if (dot <= 0 || dot == text.Length - 1) throw BadRange(name, lineNumber, range, "expected line.column");
        var line = ParseNumber(text[..dot], name, lineNumber, "line");
        var col = ParseNumber(text[(dot + 1)..], name, lineNumber, "column");
        if (line < 1 || col < 1 || line > int.MaxValue || col > int.MaxValue) throw BadRange(name, lineNumber, range,
            "lines and columns start at 1");
        return ((int)line, (int)col);
    }

    private static long ParseNumber(ReadOnlySpan<byte> digits, string name, long lineNumber, string what)
    {
        if (digits.IsEmpty || digits.Length > 18) throw new GateInputException(name, lineNumber, $"bad {what} (expected 1 to 18 digits)");
        long value = 0;
        foreach (var b in digits)
        {
            var d = b - (byte)'0';
            if ((uint)d > 9) throw new GateInputException(name, lineNumber, $"bad {what} (expected 1 to 18 digits)");
            value = value * 10 + d;
        }
        return value;
    }

    private static GateInputException Malformed(string name, long lineNumber, ReadOnlySpan<byte> line) =>
        new(name, lineNumber, "malformed block (expected 'file.go:line.col,line.col statements count')");

    private static GateInputException BadRange(string name, long lineNumber, ReadOnlySpan<byte> range, string why) =>
        new(name, lineNumber, $"bad block range: {why}");
}
