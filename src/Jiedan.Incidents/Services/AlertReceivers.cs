namespace Jiedan.Incidents.Services;

/// <summary>One configured Alertmanager receiver (<c>Alerts:Alertmanager:{name}</c>).</summary>
public sealed record AlertReceiver(string Name, string BearerToken, long? DealId);

/// <summary>
/// The receivers from configuration. A receiver without a token is left out (its URL answers 401 like an unknown one), so
/// a half-configured receiver never accepts anonymous posts.
/// </summary>
public sealed class AlertReceivers(IConfiguration configuration)
{
    private readonly Dictionary<string, AlertReceiver> _receivers = configuration.GetSection("Alerts:Alertmanager").GetChildren()
        .Select(s => new AlertReceiver(s.Key, s["BearerToken"] ?? "",
            long.TryParse(s["DealId"], System.Globalization.CultureInfo.InvariantCulture, out var deal) ? deal : null))
        .Where(r => r.BearerToken.Length > 0)
        .ToDictionary(r => r.Name, StringComparer.Ordinal);

    public AlertReceiver? Find(string name) => _receivers.GetValueOrDefault(name);

    public bool Any => _receivers.Count > 0;
}
