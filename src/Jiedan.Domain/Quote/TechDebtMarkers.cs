namespace Jiedan.Domain.Quote;

/// <summary>
/// Counts debt markers (TODO, FIXME, HACK, XXX) in source text. A marker is the upper-case word standing alone
/// (so "TODOS", "todo" and "XXXL" are not counted); a line holding two markers counts both.
/// </summary>
public static class TechDebtMarkers
{
    public static Dictionary<string, int> Count(TextReader text)
    {
        var counts = TechDebtRemediation.MarkerKinds.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        while (text.ReadLine() is { } line) AddLine(line, counts);
        return counts;
    }

    public static void AddLine(ReadOnlySpan<char> line, Dictionary<string, int> counts)
    {
        foreach (var kind in TechDebtRemediation.MarkerKinds)
        {
            var rest = line;
            var offset = 0;
            while (true)
            {
                var at = rest.IndexOf(kind, StringComparison.Ordinal);
                if (at < 0) break;
                var start = offset + at;
                var end = start + kind.Length;
                if ((start == 0 || !IsWordChar(line[start - 1])) && (end == line.Length || !IsWordChar(line[end])))
                    counts[kind]++;
                offset = end;
                rest = line[end..];
            }
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
