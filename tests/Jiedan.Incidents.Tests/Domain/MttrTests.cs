using Jiedan.Domain.Incidents;

namespace Jiedan.Incidents.Tests.Domain;

public class MttrTests
{
    [Fact]
    public void Mean_time_to_resolve_per_client_assisted_versus_not()
    {
        var t = new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);
        var rows = Mttr.PerClient(
        [
            new(5, t, t.AddMinutes(10), Assisted: true),
            new(5, t, t.AddMinutes(20), Assisted: true),
            new(5, t, t.AddMinutes(60), Assisted: false),
            new(null, t, t.AddMinutes(5), Assisted: false),
            new(7, t, t.AddMinutes(-5), Assisted: true),
        ]);

        Assert.Equal([new MttrRow(5, 3, 15, 2, 60, 1), new MttrRow(null, 1, null, 0, 5, 1)], rows);
    }
}

public class MttrFromAcknowledgementTests
{
    [Fact]
    public void From_acknowledgement_counts_only_incidents_acknowledged_before_they_were_resolved()
    {
        var t = new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);
        var row = Assert.Single(Mttr.PerClient(
        [
            new(5, t, t.AddMinutes(30), Assisted: true) { AcknowledgedAtUtc = t.AddMinutes(10) },
            new(5, t, t.AddMinutes(40), Assisted: true) { AcknowledgedAtUtc = t.AddMinutes(10) },
            new(5, t, t.AddMinutes(60), Assisted: false) { AcknowledgedAtUtc = t.AddMinutes(5) },
            new(5, t, t.AddMinutes(20), Assisted: false) { AcknowledgedAtUtc = t.AddMinutes(25) },
            new(5, t, t.AddMinutes(90), Assisted: false),
        ]));

        Assert.Equal((35.0, 56.667, 3), (row.AssistedMinutes!.Value, Math.Round(row.UnassistedMinutes!.Value, 3), row.Unassisted));
        Assert.Equal((25.0, 55.0, 3), (row.AssistedFromAckMinutes!.Value, row.UnassistedFromAckMinutes!.Value, row.Acknowledged));
    }
}
