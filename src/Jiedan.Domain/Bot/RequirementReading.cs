using System.Text.RegularExpressions;

namespace Jiedan.Domain.Bot;

public static partial class RequirementParser
{
    /// <summary>The items, budget and deadline read so far from one message.</summary>
    private sealed partial class Reading(DateOnly sentOn, bool chineseText)
    {
        private readonly List<(string Text, string? Acceptance)> _items = [];
        private readonly List<TermSpan> _counted = [];

        public bool HasItems => _items.Count > 0;

        public IReadOnlyList<TermSpan> Spans(string line)
        {
            var budgets = BudgetReader.Find(line, chineseText).ToList();
            var deadlines = DeadlineReader.Find(line, sentOn).Where(d => !budgets.Any(b => b.Overlaps(d.Start, d.End)));
            return [.. budgets.Concat(deadlines).OrderBy(s => s.Start)];
        }

        /// <summary>A list entry or a sentence: one item at most, its acceptance criteria split off.</summary>
        public void AddUnit(string line, int start, int end, IReadOnlyList<TermSpan> spans, bool entry)
        {
            var acceptance = AcceptanceMarker().Match(line, start, end - start);
            if (acceptance.Success && line[start..acceptance.Index].Trim().Length == 0)
            {
                var criteria = RequirementClauses.Tidy(line[(acceptance.Index + acceptance.Length)..end]);
                if (_items.Count > 0 && criteria.Length > 0) _items[^1] = (_items[^1].Text, Join(_items[^1].Acceptance, criteria));
                return;
            }
            var textEnd = acceptance.Success ? acceptance.Index : end;
            var text = Clauses(line, start, textEnd, spans, entry);
            if (text.Length == 0) return;
            var accepted = acceptance.Success ? RequirementClauses.Tidy(line[(acceptance.Index + acceptance.Length)..end]) : "";
            _items.Add((text, accepted.Length > 0 ? accepted : null));
        }

        /// <summary>An indented line under a list entry belongs to that entry.</summary>
        public void Continue(string line, IReadOnlyList<TermSpan> spans)
        {
            var acceptance = AcceptanceMarker().Match(line);
            if (acceptance.Success && line[..acceptance.Index].Trim().Length == 0)
            {
                AddUnit(line, 0, line.Length, spans, entry: true);
                return;
            }
            var more = Clauses(line, 0, line.Length, spans, entry: true);
            if (more.Length > 0) _items[^1] = (_items[^1].Text + " " + more, _items[^1].Acceptance);
        }

        public void AddVoiceRun(string line, IReadOnlyList<TermSpan> spans)
        {
            var cuts = spans.Where(s => s.Strong || s.Kind is TermKind.Budget or TermKind.Rate).ToList();
            var weakSpans = spans.Except(cuts).ToList();
            _counted.AddRange(cuts);
            var from = 0;
            foreach (var piece in cuts.Select(c => (Start: c.Start, End: c.End)).Append((Start: line.Length, End: line.Length)))
            {
                // Between the cuts, a stretch of nothing but weak terms and filler ("today or tomorrow") states terms too.
                var weak = weakSpans.Where(s => s.Start >= from && s.End <= piece.Start).ToList();
                if (weak.Count > 0 && RequirementClauses.IsFiller(Without(line, from, piece.Start, weak)))
                {
                    _counted.AddRange(weak);
                    from = Math.Max(from, piece.End);
                    continue;
                }
                foreach (var part in RequirementClauses.SplitVoiceRun(line[from..piece.Start]))
                {
                    var text = RequirementClauses.TrimFillerEdges(part);
                    if (text.Length > 0 && !RequirementClauses.IsFiller(text) && !RequirementClauses.IsChatter(text))
                        _items.Add((text, null));
                }
                from = Math.Max(from, piece.End);
            }
        }

        public RequirementDraft Draft()
        {
            var deadline = _counted.Where(s => s.Deadline is not null).Select(s => s.Deadline).Max();
            var budget = _counted.FirstOrDefault(s => s is { Kind: TermKind.Budget, Budget: not null })?.Budget
                ?? _counted.FirstOrDefault(s => s is { Kind: TermKind.Amount, Budget: not null })?.Budget;
            var items = _items.Select((item, i) => new RequirementItem(i + 1, item.Text, item.Acceptance)).ToList();
            return new RequirementDraft(items, deadline, budget);
        }

        private static string Join(string? a, string b) => string.IsNullOrEmpty(a) ? b : a + "; " + b;

        [GeneratedRegex(@"(?:验收标准|验收|acceptance\s+criteria|acceptance|\bAC\b)\s*[:：]",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
        private static partial Regex AcceptanceMarker();
    }
}
