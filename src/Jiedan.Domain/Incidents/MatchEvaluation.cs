namespace Jiedan.Domain.Incidents;

/// <summary>How often the suggestions were right on replayed incidents.</summary>
public sealed record EvaluationResult(int Incidents, int Top1, int Top3, int Confident, int ConfidentCorrect)
{
    public double Top1Rate => Incidents == 0 ? 0 : (double)Top1 / Incidents;
    public double Top3Rate => Incidents == 0 ? 0 : (double)Top3 / Incidents;
    /// <summary>Of the incidents with a confident answer, how many had the right fix first.</summary>
    public double ConfidentPrecision => Confident == 0 ? 0 : (double)ConfidentCorrect / Confident;
}

/// <summary>
/// Leave-one-out replay: each resolved incident is matched against the runbooks and every other resolved incident
/// (never itself), and its known fix is looked for among the suggestions.
/// </summary>
public static class MatchEvaluation
{
    public static EvaluationResult LeaveOneOut(
        IReadOnlyList<KnowledgeEntry> entries, IReadOnlyList<PastIncident> incidents, Func<IReadOnlyList<string>, ITextRanker> ranker)
    {
        int top1 = 0, top3 = 0, confident = 0, confidentCorrect = 0, counted = 0;
        for (var i = 0; i < incidents.Count; i++)
        {
            var incident = incidents[i];
            if (!entries.Any(e => string.Equals(e.Title, incident.FixedBy, StringComparison.OrdinalIgnoreCase))) continue;
            var (docs, owners) = KnowledgeMatcher.Documents(entries, incidents.Where((_, j) => j != i));
            var result = new KnowledgeMatcher(entries, owners, ranker(docs)).Match(incident.Alert);
            var rank = result.Matches.ToList()
                .FindIndex(m => string.Equals(m.Entry.Title, incident.FixedBy, StringComparison.OrdinalIgnoreCase));
            counted++;
            if (rank == 0) top1++;
            if (rank >= 0) top3++;
            if (!result.Confident) continue;
            confident++;
            if (rank == 0) confidentCorrect++;
        }
        return new EvaluationResult(counted, top1, top3, confident, confidentCorrect);
    }
}
