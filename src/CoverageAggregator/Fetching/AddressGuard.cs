using System.Net;
using System.Net.Sockets;

namespace CoverageAggregator.Fetching;

/// <summary>
/// SSRF guard: refuses loopback, private, link-local, CGNAT, multicast and cloud-metadata addresses.
/// It runs in the socket connect callback, after DNS resolution, so it applies to every redirect hop too.
/// </summary>
public sealed class AddressGuard(IEnumerable<string> allowedHosts)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _allowed =
        new(allowedHosts.Select(h => KeyValuePair.Create(Normalize(h), true)), StringComparer.OrdinalIgnoreCase);

    public bool IsAllowedHost(string host, int port) => _allowed.ContainsKey(Normalize($"{host}:{port}"));

    /// <summary>Allows the host:port of each URL: used for the endpoints that the sources file names itself.</summary>
    public void AllowHostsOf(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                _allowed[Normalize($"{uri.Host}:{uri.Port}")] = true;
            }
        }
    }

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10
                || b[0] == 0
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254) // link-local, cloud metadata 169.254.169.254
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // carrier-grade NAT
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || b[0] >= 224); // multicast and reserved
        }

        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || address.IsIPv6UniqueLocal
            || address.Equals(IPAddress.Parse("fd00:ec2::254")));
    }

    public async ValueTask<IPAddress[]> ResolveAsync(string host, int port, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new HttpRequestException($"no address found for {host}");
        }

        if (IsAllowedHost(host, port))
        {
            return addresses;
        }

        var refused = addresses.FirstOrDefault(a => !IsPublic(a));
        if (refused is not null)
        {
            throw new BlockedAddressException($"refused to connect to {host} ({refused}): a private, loopback or metadata address");
        }

        return addresses;
    }

    private static string Normalize(string hostPort) => hostPort.Trim().TrimEnd('.').ToLowerInvariant();
}

public sealed class BlockedAddressException(string message) : HttpRequestException(message)
{
    /// <summary>The guard's refusal in an exception or among its inner ones (the socket handler wraps what its connect callback throws).</summary>
    public static BlockedAddressException? In(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is BlockedAddressException blocked)
            {
                return blocked;
            }
        }

        return null;
    }
}
