using System.Diagnostics;
using System.Text;
using Jiedan.Domain.Incidents;

namespace Jiedan.Incidents.Tests.Domain;

/// <summary>Alertmanager's payload read within bounds; refusals name the field and never quote the input.</summary>
public class AlertmanagerParserTests
{
    private const string Secret = "SECRET-CONTENT-7f3a";
    private const string Alert = "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",";

    [Fact]
    public void Reads_a_grouped_notification_with_truncated_alerts()
    {
        var json = Payloads.Group("firing", 3,
            new Payloads.TestAlert("NodeDiskSpaceLow", "a1b2c3d4e5f60718", Summary: "disk /var 96% full"),
            new Payloads.TestAlert("NodeDiskSpaceLow", "0a1b2c3d4e5f6071", Status: "resolved", EndsAt: "2026-11-30T08:20:00Z"));

        var group = AlertmanagerParser.Parse(json);

        Assert.Equal((AlertStatus.Firing, 3, 2), (group.Status, group.TruncatedAlerts, group.Alerts.Count));
        var first = group.Alerts[0];
        Assert.Equal(("NodeDiskSpaceLow", "a1b2c3d4e5f60718"), (first.Name, first.Fingerprint));
        Assert.Equal(new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc), first.StartsAtUtc);
        Assert.Null(first.EndsAtUtc);
        Assert.Equal("disk /var 96% full", first.Text);
        Assert.Equal(new DateTime(2026, 11, 30, 8, 20, 0, DateTimeKind.Utc), group.Alerts[1].EndsAtUtc);
        Assert.Equal(AlertStatus.Resolved, group.Alerts[1].Status);
    }

    [Theory]
    [InlineData("{\"version\":\"3\",\"alerts\":[]}", "version")]
    [InlineData("{\"alerts\":[]}", "version")]
    [InlineData("{\"version\":\"4\"}", "alerts")]
    [InlineData("[1,2]", "body")]
    [InlineData(Alert + "\"labels\":{\"alertname\":\"X\"},\"startsAt\":\"2026-11-30T08:00:00Z\"}]}", "alerts[0].fingerprint")]
    [InlineData(Alert + "\"fingerprint\":\"ab\",\"labels\":{},\"startsAt\":\"2026-11-30T08:00:00Z\"}]}", "alerts[0].labels")]
    [InlineData(Alert + "\"fingerprint\":\"ab\",\"labels\":{\"alertname\":\"X\"},\"startsAt\":\"yesterday\"}]}",
        "alerts[0].startsAt")]
    [InlineData("{\"version\":\"4\",\"status\":\"firing\",\"truncatedAlerts\":-1,\"alerts\":[]}", "truncatedAlerts")]
    [InlineData("{\"version\":\"4\",\"status\":\"burning\",\"alerts\":[]}", "status")]
    public void A_bad_payload_names_the_field(string json, string field)
    {
        var e = Assert.Throws<IncidentFormatException>(() => AlertmanagerParser.Parse(json));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Malformed_json_is_refused_without_quoting_it()
    {
        var e = Assert.Throws<IncidentFormatException>(() => AlertmanagerParser.Parse("{\"version\":\"4\",\"" + Secret + "\" oops"));
        Assert.Equal("body", e.Field);
        Assert.DoesNotContain(Secret, e.Message);
    }

    [Fact]
    public void A_wrong_value_is_refused_without_quoting_it()
    {
        var e = Assert.Throws<IncidentFormatException>(() => AlertmanagerParser.Parse("{\"version\":\"" + Secret + "\",\"alerts\":[]}"));
        Assert.DoesNotContain(Secret, e.Message);
    }

    [Fact]
    public void Deep_nesting_and_huge_bodies_are_refused_quickly()
    {
        var watch = Stopwatch.StartNew();
        var deep = "{\"version\":\"4\",\"alerts\":[],\"x\":" + new string('[', 100_000) + new string(']', 100_000) + "}";
        Assert.Equal("body", Assert.Throws<IncidentFormatException>(() => AlertmanagerParser.Parse(deep)).Field);
        var huge = Encoding.UTF8.GetBytes("{\"version\":\"4\",\"alerts\":[],\"x\":\"" + new string('a', 2 << 20) + "\"}");
        Assert.Contains("larger than", Assert.Throws<IncidentFormatException>(() => AlertmanagerParser.Parse(huge)).Problem);
        var many = "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[" + string.Join(',', Enumerable.Repeat("{}", 1001)) + "]}";
        Assert.Equal("alerts", Assert.Throws<IncidentFormatException>(() => AlertmanagerParser.Parse(many)).Field);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("KubeletPLEGDurationHigh", "Kubelet PLEG Duration High")]
    [InlineData("kubelet_pleg_relist_duration_seconds", "kubelet pleg relist duration seconds")]
    [InlineData("数据库连接池耗尽", "数据库连接池耗尽")]
    public void Names_become_words(string name, string words) => Assert.Equal(words, Identifiers.Words(name));
}
