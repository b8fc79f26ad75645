using System.Text;

namespace Jiedan.Domain.Bot;

public static partial class RequirementParser
{
    private sealed partial class Reading
    {
        /// <summary>
        /// The item text of line[start..end): its clauses (split on ， , ： : |) without those that state only terms, greet
        /// or head a list, and without a term phrase at either end of a clause. The terms found are counted.
        /// </summary>
        private string Clauses(string line, int start, int end, IReadOnlyList<TermSpan> spans, bool entry)
        {
            var kept = new StringBuilder();
            foreach (var (separator, from, to) in ClauseBounds(line, start, end, spans, entry))
            {
                var inside = spans.Where(s => s.Start >= from && s.End <= to).ToList();
                var rest = Without(line, from, to, inside);
                var clause = line[from..to];
                if (inside.Count > 0 && RequirementClauses.IsFiller(rest))
                {
                    _counted.AddRange(inside);
                    continue;
                }
                if (RequirementClauses.IsChatter(clause) || RequirementClauses.IsHeading(clause) || RequirementClauses.IsFiller(clause))
                    continue;
                var counted = inside.Where(s => s.Strong && s.Kind == TermKind.Deadline || s.Kind == TermKind.Budget).ToList();
                _counted.AddRange(counted);
                var (a, b) = (from, to);
                foreach (var s in counted.Where(s => line[a..s.Start].Trim().Length == 0)) a = Math.Max(a, s.End);
                foreach (var s in counted.OrderByDescending(s => s.End))
                    if (s.Start >= a && s.End <= b && RequirementClauses.IsFiller(line[s.End..b])) b = s.Start;
                if (a >= b) continue;
                a += EntryStart(line[a..b]);
                if (a >= b) continue;
                if (kept.Length > 0) kept.Append(separator);
                kept.Append(line[a..b]);
            }
            return RequirementClauses.Tidy(kept.ToString());
        }

        private static string Without(string line, int from, int to, List<TermSpan> spans)
        {
            var chars = line[from..to].ToCharArray();
            foreach (var s in spans)
                for (var i = s.Start; i < s.End; i++) chars[i - from] = ' ';
            return new string(chars);
        }

        private static IEnumerable<(string Separator, int From, int To)> ClauseBounds(string line, int start, int end,
            IReadOnlyList<TermSpan> spans, bool entry)
        {
            var (separatorStart, from) = (start, start);
            for (var i = start; i < end; i++)
            {
                if (spans.Any(s => i >= s.Start && i < s.End) || !IsClauseBreak(line, i, entry)) continue;
                yield return (line[separatorStart..from], from, i);
                (separatorStart, from) = (i, i + 1);
                while (from < end && line[from] == ' ') from++;
            }
            yield return (line[separatorStart..from], from, end);
        }

        private static bool IsClauseBreak(string line, int i, bool entry)
        {
            var c = line[i];
            var betweenDigits = i > 0 && i + 1 < line.Length && char.IsAsciiDigit(line[i - 1]) && char.IsAsciiDigit(line[i + 1]);
            return c is '，' or '：' or '|' or '｜' or '】'
                || c is ',' or ':' && !betweenDigits
                || entry && c is '。' or '；' or ';' or '！' or '？' or '!' or '?';
        }
    }
}
