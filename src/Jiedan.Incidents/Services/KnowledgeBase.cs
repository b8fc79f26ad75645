using Jiedan.Domain.Incidents;
using Jiedan.Incidents.Matching;
using Jiedan.Incidents.Storage;

namespace Jiedan.Incidents.Services;

/// <summary>
/// The matcher over what is stored: built once, rebuilt when the knowledge changes (an import, a recorded fix).
/// Shared by the receiver's notifier and the <c>jiedan kb</c> commands. Building over thousands of records takes
/// seconds, so the notifier may ask for the matcher it has while a newer one is built (see <see cref="MatcherAsync"/>).
/// </summary>
public sealed class KnowledgeBase(KnowledgeStore store)
{
    private readonly Lock _lock = new();
    private Built? _current;
    private (string Version, Task<Built> Task)? _building;

    /// <summary>
    /// The matcher for what is stored now. With <paramref name="waitForNewer"/>, a matcher already built for older
    /// knowledge is returned if the newer one is not ready within that time (it goes on being built and is used once
    /// ready); without, the caller waits for the newer one.
    /// </summary>
    public async Task<KnowledgeMatcher> MatcherAsync(CancellationToken ct, TimeSpan? waitForNewer = null)
    {
        var version = await store.VersionAsync(ct);
        Task<Built> build;
        Built? stale;
        lock (_lock)
        {
            if (_current is { } c && c.Version == version) return c.Matcher;
            if (_building is not { } b || b.Version != version || b.Task.IsFaulted)
                _building = (version, Task.Run(() => BuildAsync(version), CancellationToken.None));
            build = _building.Value.Task;
            stale = _current;
        }
        if (stale is not null && waitForNewer is { } wait && await Task.WhenAny(build, Task.Delay(wait, ct)) != build)
            return stale.Matcher;
        return (await build.WaitAsync(ct)).Matcher;
    }

    /// <summary>After a change made here: starts building the newer matcher, if one was ever built; does not wait for it.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        bool built;
        lock (_lock) built = _current is not null;
        if (built) await MatcherAsync(ct, waitForNewer: TimeSpan.Zero);
    }

    private async Task<Built> BuildAsync(string version)
    {
        var (entries, incidents) = await store.LoadAsync(CancellationToken.None);
        var (documents, owners) = KnowledgeMatcher.Documents(entries, incidents);
        var built = new Built(version, new KnowledgeMatcher(entries, owners, new LuceneTextRanker(documents)));
        // The matcher it replaces may still be matching an alert, so it is not disposed: it holds only managed memory.
        // A build overtaken by a newer one while it ran is kept only if there is nothing else.
        lock (_lock)
            if (_current is null || _building?.Version == version) _current = built;
        return built;
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

    private sealed record Built(string Version, KnowledgeMatcher Matcher);
}
