using System.Globalization;

namespace Jiedan.Domain.Credibility.Demo;

/// <summary>
/// The demo's score from one measurement: checks <c>reachable</c>, <c>health</c>, <c>first-contentful-paint</c>,
/// <c>load</c> and <c>console-errors</c>. An unreachable demo fails every check with the reason; it is a score, not an
/// error. Weights (sum 1): reachable 0.30 (nothing else counts without it), first paint 0.25, load 0.20, health 0.15,
/// console errors 0.10.
/// </summary>
public static class DemoScoring
{
    public const double ReachableWeight = 0.30;
    public const double HealthWeight = 0.15;
    public const double FirstContentfulPaintWeight = 0.25;
    public const double LoadWeight = 0.20;
    public const double ConsoleErrorsWeight = 0.10;

    public static AssetScore Score(DemoMeasurement m, DemoThresholds thresholds, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(thresholds);
        var t = new DemoTexts(chinese);
        if (!m.Reachable)
        {
            var reason = m.Reason ?? t.Unknown;
            var notMeasured = t.NotMeasured(reason);
            return AssetScore.FromChecks(
            [
                new CredibilityCheck("reachable", false, t.UnreachableEvidence(m.Url, reason), t.ReachableFix, ReachableWeight),
                new CredibilityCheck("health", false, notMeasured, t.HealthFix, HealthWeight),
                new CredibilityCheck("first-contentful-paint", false, notMeasured, t.ReachableFirst, FirstContentfulPaintWeight),
                new CredibilityCheck("load", false, notMeasured, t.ReachableFirst, LoadWeight),
                new CredibilityCheck("console-errors", false, notMeasured, t.ReachableFirst, ConsoleErrorsWeight),
            ]);
        }
        return AssetScore.FromChecks(
        [
            new CredibilityCheck("reachable", true, DemoTexts.ReachableEvidence(m.Url, m.Status), "", ReachableWeight),
            Health(m.Health, t),
            FirstPaint(m.FirstContentfulPaintMs, thresholds, t),
            Load(m.LoadMs, thresholds, t),
            Errors(m, t),
        ]);
    }

    private static CredibilityCheck Health(HealthResult h, DemoTexts t) => new("health", h.Healthy,
        h.Status is { } s ? DemoTexts.HealthStatus(s) : t.HealthReason(h.Reason ?? t.Unknown), h.Healthy ? "" : t.HealthFix, HealthWeight);

    private static CredibilityCheck FirstPaint(double? fcp, DemoThresholds limits, DemoTexts t)
    {
        if (fcp is not { } ms) return new("first-contentful-paint", false, t.NoPaint, t.PaintFix(limits), FirstContentfulPaintWeight);
        var band = ms <= limits.FcpGoodMs ? t.Good : ms <= limits.FcpPoorMs ? t.Moderate : t.Poor;
        var passed = ms <= limits.FcpGoodMs;
        var evidence = t.PaintEvidence(Seconds(ms), band, Seconds(limits.FcpGoodMs), Seconds(limits.FcpPoorMs));
        return new("first-contentful-paint", passed, evidence,
            passed ? "" : t.PaintFix(limits), FirstContentfulPaintWeight);
    }

    private static CredibilityCheck Load(double? load, DemoThresholds limits, DemoTexts t)
    {
        if (load is not { } ms) return new("load", false, t.NoLoad, t.LoadFix(limits), LoadWeight);
        var passed = ms <= limits.LoadGoodMs;
        return new("load", passed, t.LoadEvidence(Seconds(ms), Seconds(limits.LoadGoodMs)), passed ? "" : t.LoadFix(limits), LoadWeight);
    }

    private static CredibilityCheck Errors(DemoMeasurement m, DemoTexts t)
    {
        var passed = m.ConsoleErrors == 0 && m.PageErrors == 0;
        var evidence = t.ErrorsEvidence(m.ConsoleErrors, m.PageErrors)
            + string.Concat(m.ErrorMessages.Take(DemoMeasurement.MaxMessages).Select(e => $"; \"{DemoMeasurement.Shorten(e)}\""));
        return new("console-errors", passed, evidence, passed ? "" : t.ErrorsFix, ConsoleErrorsWeight);
    }

    internal static string Seconds(double ms) => (ms / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
