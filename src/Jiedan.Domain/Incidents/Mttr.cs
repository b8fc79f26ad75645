namespace Jiedan.Domain.Incidents;

/// <summary>One resolved incident as MTTR sees it: the client (deal), when it started, when it was resolved, whether a
/// confident suggestion was offered (assisted).</summary>
public sealed record ResolvedIncident(long? DealId, DateTime StartsAtUtc, DateTime ResolvedAtUtc, bool Assisted);

/// <summary>Mean time to resolve (startsAt → resolved) per client, assisted and not, in minutes; null where none.</summary>
public sealed record MttrRow(long? DealId, int Incidents, double? AssistedMinutes, int Assisted, double? UnassistedMinutes, int Unassisted);

public static class Mttr
{
    public static IReadOnlyList<MttrRow> PerClient(IEnumerable<ResolvedIncident> incidents) =>
    [
        .. incidents.Where(i => i.ResolvedAtUtc >= i.StartsAtUtc).GroupBy(i => i.DealId).OrderBy(g => g.Key ?? long.MaxValue)
            .Select(g =>
            {
                var assisted = g.Where(i => i.Assisted).Select(Minutes).ToList();
                var unassisted = g.Where(i => !i.Assisted).Select(Minutes).ToList();
                return new MttrRow(g.Key, g.Count(), assisted.Count == 0 ? null : assisted.Average(), assisted.Count,
                    unassisted.Count == 0 ? null : unassisted.Average(), unassisted.Count);
            }),
    ];

    private static double Minutes(ResolvedIncident i) => (i.ResolvedAtUtc - i.StartsAtUtc).TotalMinutes;
}
