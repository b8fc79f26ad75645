using System.Globalization;

namespace Jiedan.Credibility.Demo;

/// <summary>
/// The probe's settings: <c>Credibility:ChromiumPath</c> (default /usr/bin/chromium), <c>Credibility:DemoTimeoutSeconds</c>
/// (navigation and load, default 30), <c>Credibility:AllowPrivateDemoHosts</c> (default false: demos on loopback,
/// private or link-local addresses are refused).
/// </summary>
public sealed record DemoProbeSettings(string ChromiumPath, TimeSpan NavigationTimeout, bool AllowPrivateHosts)
{
    public const string DefaultChromiumPath = "/usr/bin/chromium";
    public static readonly TimeSpan DefaultNavigationTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(10);

    public static DemoProbeSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration["Credibility:ChromiumPath"] is { Length: > 0 } p ? p : DefaultChromiumPath;
        var timeout = double.TryParse(configuration["Credibility:DemoTimeoutSeconds"], NumberStyles.Float, CultureInfo.InvariantCulture,
            out var seconds) && seconds is > 0 and <= 600 ? TimeSpan.FromSeconds(seconds) : DefaultNavigationTimeout;
        var allow = bool.TryParse(configuration["Credibility:AllowPrivateDemoHosts"], out var a) && a;
        return new DemoProbeSettings(path, timeout, allow);
    }
}
