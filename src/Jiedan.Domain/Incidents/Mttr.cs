namespace Jiedan.Domain.Incidents;

/// <summary>One resolved incident as MTTR sees it: the client (deal), when it started, when it was resolved, whether a
/// confident suggestion was offered (assisted), and when it was acknowledged in the chat (if it was).</summary>
public sealed record ResolvedIncident(long? DealId, DateTime StartsAtUtc, DateTime ResolvedAtUtc, bool Assisted)
{
    public DateTime? AcknowledgedAtUtc { get; init; }
}

/// <summary>
/// Mean time to resolve per client, assisted and not, in minutes (null where none): from startsAt, and from the
/// acknowledgement (over the incidents acknowledged before they were resolved).
/// </summary>
public sealed record MttrRow(long? DealId, int Incidents, double? AssistedMinutes, int Assisted, double? UnassistedMinutes, int Unassisted)
{
    public double? AssistedFromAckMinutes { get; init; }
    public double? UnassistedFromAckMinutes { get; init; }
    public int Acknowledged { get; init; }
}

public static class Mttr
{
    public static IReadOnlyList<MttrRow> PerClient(IEnumerable<ResolvedIncident> incidents) =>
    [
        .. incidents.Where(i => i.ResolvedAtUtc >= i.StartsAtUtc).GroupBy(i => i.DealId).OrderBy(g => g.Key ?? long.MaxValue)
            .Select(g =>
            {
                var assisted = g.Where(i => i.Assisted).Select(Minutes).ToList();
                var unassisted = g.Where(i => !i.Assisted).Select(Minutes).ToList();
                var acked = g.Where(i => i.AcknowledgedAtUtc is { } a && a <= i.ResolvedAtUtc).ToList();
                return new MttrRow(g.Key, g.Count(), Mean(assisted), assisted.Count, Mean(unassisted), unassisted.Count)
                {
                    AssistedFromAckMinutes = Mean([.. acked.Where(i => i.Assisted).Select(FromAck)]),
                    UnassistedFromAckMinutes = Mean([.. acked.Where(i => !i.Assisted).Select(FromAck)]),
                    Acknowledged = acked.Count,
                };
            }),
    ];

    private static double? Mean(List<double> values) => values.Count == 0 ? null : values.Average();

    private static double Minutes(ResolvedIncident i) => (i.ResolvedAtUtc - i.StartsAtUtc).TotalMinutes;

    private static double FromAck(ResolvedIncident i) => (i.ResolvedAtUtc - i.AcknowledgedAtUtc!.Value).TotalMinutes;
}
