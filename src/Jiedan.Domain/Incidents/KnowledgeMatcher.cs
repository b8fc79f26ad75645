namespace Jiedan.Domain.Incidents;

/// <summary>One text a ranker searched, and how well it matched: score in [0, 1), the query words found in it.</summary>
public sealed record TextHit(int Document, double Score, IReadOnlyList<string> Terms);

/// <summary>A text ranking function over a fixed list of documents (BM25 in Jiedan.Incidents, over Lucene).</summary>
public interface ITextRanker
{
    IReadOnlyList<TextHit> Rank(string query, int max);
}

/// <summary>A suggested fix: the entry, a score in [0, 1] and why (which rule, which words).</summary>
public sealed record KnowledgeMatch(KnowledgeEntry Entry, double Score, IReadOnlyList<string> Evidence);

/// <summary>The top matches, best first, and whether the best is confident enough to be offered as an answer.</summary>
public sealed record MatchResult(IReadOnlyList<KnowledgeMatch> Matches, bool Confident)
{
    public static MatchResult None { get; } = new([], false);
}

/// <summary>
/// Matches an alert against the knowledge base in three steps: the exact alert name (title or <c>alerts:</c>), then
/// label matchers (every matcher of an entry holds), then text similarity of the alert's name words, labels, summary and
/// description against each entry and against past incidents it fixed. The evidence of each step is combined as a
/// noisy-OR (1 − Π(1 − s)), so agreeing evidence raises a score and nothing passes 1.
/// </summary>
public sealed class KnowledgeMatcher
{
    public const int Top = 3;
    public const double ExactNameScore = 0.95;
    public const double LabelScore = 0.6;
    /// <summary>Below this the best match is not offered as an answer ("no confident match"); tuned on the test corpus.</summary>
    public const double ConfidentThreshold = 0.2;
    /// <summary>Evidence of one recorded fix on the graph path from the alert's symptom: n fixes give 1 − (1 − 0.5)ⁿ.</summary>
    public const double PastFixScore = 0.5;

    private readonly IReadOnlyList<KnowledgeEntry> _entries;
    private readonly IReadOnlyList<int> _documentEntry;
    private readonly ITextRanker _ranker;
    private readonly Dictionary<string, List<int>> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="entries">The knowledge entries.</param>
    /// <param name="documentEntry">For each document the ranker holds, the index of the entry it speaks for.</param>
    /// <param name="ranker">Text similarity over those documents.</param>
    public KnowledgeMatcher(IReadOnlyList<KnowledgeEntry> entries, IReadOnlyList<int> documentEntry, ITextRanker ranker)
    {
        (_entries, _documentEntry, _ranker) = (entries, documentEntry, ranker);
        for (var i = 0; i < entries.Count; i++)
            foreach (var name in entries[i].AlertNames.Prepend(entries[i].Title))
                (_byName.TryGetValue(name, out var list) ? list : _byName[name] = []).Add(i);
    }

    /// <summary>The documents a ranker needs for <paramref name="entries"/> and <paramref name="incidents"/> whose fix is known.</summary>
    public static (IReadOnlyList<string> Documents, IReadOnlyList<int> DocumentEntry) Documents(
        IReadOnlyList<KnowledgeEntry> entries, IEnumerable<PastIncident> incidents)
    {
        var docs = entries.Select(e => e.SearchText).ToList();
        var owner = Enumerable.Range(0, entries.Count).ToList();
        var byTitle = entries.Select((e, i) => (e.Title, i)).GroupBy(x => x.Title, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
        foreach (var incident in incidents)
        {
            if (!byTitle.TryGetValue(incident.FixedBy, out var entry)) continue;
            docs.Add(incident.Alert.SearchText);
            owner.Add(entry);
        }
        return (docs, owner);
    }

    /// <param name="alert">The alert.</param>
    /// <param name="pastFixes">
    /// For the alert's symptom, how many recorded fixes strengthened the graph path to each fix (by entry title): the
    /// weakest edge's reinforcement on the best path, walked in the database (<c>KnowledgeStore.PastFixesAsync</c>).
    /// </param>
    public MatchResult Match(AlertQuery alert, IReadOnlyDictionary<string, int>? pastFixes = null)
    {
        var evidence = new Dictionary<int, List<(double Score, string Why)>>();
        void Add(int entry, double score, string why) =>
            (evidence.TryGetValue(entry, out var l) ? l : evidence[entry] = []).Add((score, why));

        if (_byName.TryGetValue(alert.Name, out var named))
            foreach (var i in named) Add(i, ExactNameScore, $"alert name {alert.Name}");
        for (var i = 0; i < _entries.Count; i++)
        {
            var matchers = _entries[i].Matchers;
            if (matchers.Count > 0 && matchers.All(m => alert.Labels.TryGetValue(m.Key, out var v) && v == m.Value))
                Add(i, LabelScore, "labels " + string.Join(", ", matchers.Select(m => $"{m.Key}={m.Value}")));
        }
        if (pastFixes is { Count: > 0 })
            for (var i = 0; i < _entries.Count; i++)
                if (pastFixes.TryGetValue(_entries[i].Title, out var times) && times > 0)
                    Add(i, 1 - Math.Pow(1 - PastFixScore, times), $"fixed {times}× before (graph path weight)");
        // The best document per entry: an entry's runbook and the incidents it fixed are one piece of evidence.
        foreach (var hit in _ranker.Rank(alert.SearchText, 50).GroupBy(h => _documentEntry[h.Document]).Select(g => g.MaxBy(h => h.Score)!))
            if (hit.Score > 0) Add(_documentEntry[hit.Document], hit.Score, "words " + string.Join(" ", hit.Terms.Take(8)));

        var ranked = evidence
            .Select(e => new KnowledgeMatch(_entries[e.Key], Math.Round(1 - e.Value.Aggregate(1.0, (p, x) => p * (1 - x.Score)), 4),
                [.. e.Value.Select(x => x.Why)]))
            .OrderByDescending(m => m.Score).ThenBy(m => m.Entry.Title, StringComparer.Ordinal)
            .Take(Top).ToList();
        return new MatchResult(ranked, ranked.Count > 0 && ranked[0].Score >= ConfidentThreshold);
    }
}
