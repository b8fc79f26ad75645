using Jiedan.Domain.Incidents;
using Jiedan.Incidents.Matching;
using Jiedan.Incidents.Storage;

namespace Jiedan.Incidents.Services;

/// <summary>
/// The matcher over what is stored: built once, rebuilt when the knowledge changes (an import, a recorded fix).
/// Shared by the receiver's notifier and the <c>jiedan kb</c> commands.
/// </summary>
public sealed class KnowledgeBase(KnowledgeStore store) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private (string Version, KnowledgeMatcher Matcher, LuceneTextRanker Ranker)? _current;

    public async Task<KnowledgeMatcher> MatcherAsync(CancellationToken ct)
    {
        var version = await store.VersionAsync(ct);
        await _lock.WaitAsync(ct);
        try
        {
            if (_current is { } c && c.Version == version) return c.Matcher;
            var (entries, incidents) = await store.LoadAsync(ct);
            var (documents, owners) = KnowledgeMatcher.Documents(entries, incidents);
            var ranker = new LuceneTextRanker(documents);
            _current?.Ranker.Dispose();
            _current = (version, new KnowledgeMatcher(entries, owners, ranker), ranker);
            return _current.Value.Matcher;
        }
        finally { _lock.Release(); }
    }

    /// <summary>Matches <paramref name="alert"/>, with the fixes recorded on the graph paths from its symptom.</summary>
    public async Task<MatchResult> MatchAsync(KnowledgeMatcher matcher, AlertQuery alert, CancellationToken ct) =>
        matcher.Match(alert, await store.PastFixesAsync(alert.Name, ct));

    /// <summary>The fixes recorded along the graph paths from the symptom named <paramref name="alertName"/>.</summary>
    public Task<IReadOnlyDictionary<string, int>> PastFixesAsync(string alertName, CancellationToken ct) =>
        store.PastFixesAsync(alertName, ct);

    /// <summary>
    /// Leave-one-out over text and names only: the graph's recorded fixes include the replayed incident's own, so they are
    /// left out here (they would tell the answer).
    /// </summary>
    public async Task<EvaluationResult> EvaluateAsync(CancellationToken ct)
    {
        var (entries, incidents) = await store.LoadAsync(ct);
        var rankers = new List<LuceneTextRanker>();
        try
        {
            return MatchEvaluation.LeaveOneOut(entries, incidents, docs =>
            {
                var r = new LuceneTextRanker(docs);
                rankers.Add(r);
                return r;
            });
        }
        finally { rankers.ForEach(r => r.Dispose()); }
    }

    public void Dispose()
    {
        _current?.Ranker.Dispose();
        _lock.Dispose();
    }
}
