namespace Jiedan.Domain.Incidents;

/// <summary>Caps for one webhook notification: far above what Alertmanager sends, low enough to keep a request cheap.</summary>
public static class AlertmanagerLimits
{
    public const int MaxBodyBytes = 1 << 20;
    public const int MaxDepth = 8;
    public const int MaxAlerts = 1000;
    public const int MaxLabels = 128;
    public const int MaxKeyChars = 256;
    public const int MaxValueChars = 16 * 1024;
    public const int MaxFingerprintChars = 64;
}
