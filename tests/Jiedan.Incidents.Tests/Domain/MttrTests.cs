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
