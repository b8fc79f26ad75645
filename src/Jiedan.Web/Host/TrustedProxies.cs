using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Jiedan.Web.Host;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from the addresses or networks listed in
/// <c>ForwardedHeaders:TrustedProxies</c> (e.g. <c>127.0.0.1</c>, <c>10.0.0.0/8</c>); none by default. A trusted TLS
/// proxy makes the request https, so cookies are sent <c>Secure</c> and HSTS is added.
/// </summary>
public static class TrustedProxies
{
    public const string ConfigKey = "ForwardedHeaders:TrustedProxies";

    public static void UseTrustedForwardedHeaders(this WebApplication app)
    {
        var entries = app.Configuration.GetSection(ConfigKey).Get<string[]>() ?? [];
        if (entries.Length == 0) return;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in entries)
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
                options.KnownIPNetworks.Add(network);
            else if (IPAddress.TryParse(entry, out var address)) options.KnownProxies.Add(address);
            else throw new InvalidOperationException($"{ConfigKey}: '{entry}' is neither an IP address nor a network like 10.0.0.0/8");
        }
        app.UseForwardedHeaders(options);
    }
}
