using Jiedan.Domain.Parsing;

namespace Jiedan.Domain.Gate.Coverage;

/// <summary>
/// Reads lcov tracefiles (<c>SF:</c>, <c>DA:line,hits</c>, <c>end_of_record</c>). Line coverage from the DA records,
/// each file's lines counted once; packages are the source files' directories.
/// </summary>
public static class LcovReport
{
    public static CoverageSummary Parse(TextReader content, string name)
    {
        var files = new Dictionary<string, Dictionary<int, bool>>(StringComparer.Ordinal);
        Dictionary<int, bool>? current = null;
        long number = 0;
        var records = 0;
        foreach (var raw in BoundedLines.Read(content, (n, problem) => new GateInputException(name, n, problem)))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith("SF:", StringComparison.Ordinal))
            {
                if (current is not null) throw new GateInputException(name, number, "SF: before the previous record's end_of_record");
                var file = line[3..];
                if (!files.TryGetValue(file, out current)) files[file] = current = [];
            }
            else if (line.StartsWith("DA:", StringComparison.Ordinal))
            {
                if (current is null) throw new GateInputException(name, number, "DA: outside a record (no SF: line before it)");
                var parts = line[3..].Split(',');
                if (parts.Length < 2 || !int.TryParse(parts[0], out var lineNo) || lineNo < 0 || !long.TryParse(parts[1], out var hits)
                    || hits < 0)
                    throw new GateInputException(name, number, "bad DA record (expected DA:<line>,<hits>)");
                current[lineNo] = (current.TryGetValue(lineNo, out var c) && c) || hits > 0;
            }
            else if (line == "end_of_record")
            {
                if (current is null) throw new GateInputException(name, number, "end_of_record without a record");
                current = null;
                records++;
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is var colon && (colon <= 0 || !IsKnownTag(line[..colon])))
            {
                throw new GateInputException(name, number,
                    "unknown lcov record (expected TN:, SF:, DA:, LF:, LH:, FN…, BR…, end_of_record)");
            }
        }
        if (current is not null) throw new GateInputException(name, number, "truncated: the last record has no end_of_record");
        if (records == 0) throw new GateInputException(name, null, "not an lcov tracefile: no records");

        var packages = files
            .GroupBy(f => Path.GetDirectoryName(f.Key)?.Replace('\\', '/') is { Length: > 0 } d ? d : ".", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PackageCoverage(g.Key, g.Sum(f => (long)f.Value.Count), g.Sum(f => (long)f.Value.Count(l => l.Value))))
            .ToList();
        return new CoverageSummary("lcov", packages.Sum(p => p.Statements), packages.Sum(p => p.Covered), packages);
    }

    private static bool IsKnownTag(string tag) =>
        tag is "TN" or "FN" or "FNDA" or "FNF" or "FNH" or "FNL" or "FNA" or "BRDA" or "BRF" or "BRH" or "LF" or "LH" or "VER";
}
