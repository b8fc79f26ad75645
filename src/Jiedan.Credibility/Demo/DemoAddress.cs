using System.Net;
using System.Net.Sockets;

namespace Jiedan.Credibility.Demo;

/// <summary>A demo URL the probe refuses to visit; <see cref="Field"/> is the input it names (<c>url</c>).</summary>
public sealed class DemoAddressException(string problem) : Exception(problem)
{
    public const string Field = "url";
}

/// <summary>
/// Which demo URLs the probe may visit: absolute http or https, no user info, at most 2,048 characters; and, unless
/// private hosts are allowed, a host none of whose addresses is loopback, private (RFC 1918, fc00::/7), link-local,
/// carrier-grade NAT, unspecified or multicast. The SSRF guard applies to every address the host resolves to.
/// </summary>
public static class DemoAddress
{
    public const int MaxLength = 2048;

    /// <exception cref="DemoAddressException">not an absolute http(s) URL.</exception>
    public static Uri Parse(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) throw new DemoAddressException("is required: an http or https URL");
        if (url.Length > MaxLength) throw new DemoAddressException($"must be at most {MaxLength} characters");
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) throw new DemoAddressException("is not an absolute URL");
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            throw new DemoAddressException("only http and https URLs are probed");
        if (uri.UserInfo.Length > 0) throw new DemoAddressException("must not carry a user name or password");
        if (uri.Host.Length == 0) throw new DemoAddressException("has no host");
        return uri;
    }

    /// <summary>The first of <paramref name="addresses"/> a demo may not be on, or null when all are public.</summary>
    public static IPAddress? FirstPrivate(IEnumerable<IPAddress> addresses) => addresses.FirstOrDefault(IsPrivate);

    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
            || address.Equals(IPAddress.IPv6None)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal
                || address.IsIPv6Teredo;
        }
        var v4 = address.GetAddressBytes();
        return v4[0] switch
        {
            0 or 10 or 127 => true,
            100 => v4[1] is >= 64 and <= 127,
            169 => v4[1] == 254,
            172 => v4[1] is >= 16 and <= 31,
            192 => v4[1] == 168 || (v4[1] == 0 && v4[2] is 0 or 2),
            198 => v4[1] is 18 or 19,
            >= 224 => true,
            _ => false,
        };
    }

    /// <summary>
    /// The host's addresses; when private hosts are not allowed, refuses a host with any private address. A host that
    /// does not resolve gives an empty list (the demo is then unreachable, not refused).
    /// </summary>
    /// <exception cref="DemoAddressException">the host resolves to a private address and those are not allowed.</exception>
    public static async Task<IReadOnlyList<IPAddress>> ResolveAsync(Uri uri, bool allowPrivate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(uri);
        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal)) addresses = [literal];
        else
        {
            try { addresses = await Dns.GetHostAddressesAsync(uri.IdnHost, ct); }
            catch (SocketException) { return []; }
        }
        if (!allowPrivate && FirstPrivate(addresses) is { } refused)
            throw new DemoAddressException($"the host resolves to {refused}, a loopback, private or link-local address; "
                + "set Credibility:AllowPrivateDemoHosts=true to allow");
        return addresses;
    }
}
