namespace Jiedan.Domain.Credibility.Demo;

/// <summary>
/// When a demo's timings count as good. First contentful paint: Lighthouse's published bands (mobile): good up to 1.8 s,
/// moderate to 3 s, poor above (developer.chrome.com/docs/lighthouse/performance/first-contentful-paint). Full load
/// (loadEventEnd − navigation start): good up to 3 s, the seed's "first-screen load" goal; Lighthouse grades no load
/// event, so this one is Jiedan's.
/// </summary>
public sealed record DemoThresholds(double FcpGoodMs, double FcpPoorMs, double LoadGoodMs)
{
    public static DemoThresholds Default { get; } = new(1800, 3000, 3000);
}
