using System.Net;
using System.Net.Sockets;
using CoverageAggregator.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoverageAggregator.Fetching;

internal static class FetchingServices
{
    /// <summary>The typed client: no automatic redirects (the fetcher counts them), decompression, the SSRF guard, a
    /// connection used once for a server that closes each (<see cref="ServerConnections"/>), and
    /// <see cref="FetchResilience"/> (a timeout per attempt, retried, inside the fetch's total one; retries of transient
    /// failures of idempotent requests only, waiting out a short Retry-After).</summary>
    public static IServiceCollection AddFetching(this IServiceCollection services)
    {
        services.AddHttpClient<Fetcher>()
            .ConfigurePrimaryHttpMessageHandler(sp => CreateConnections(sp.GetRequiredService<AddressGuard>(), sp.GetRequiredService<IOptions<CoverageOptions>>().Value))
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers() // per-request start/end logs and scopes cost CPU on every fetch; the fetcher logs what fails
            .AddHttpMessageHandler(sp => new FetchResilience(sp.GetRequiredService<IOptions<CoverageOptions>>().Value.Fetch, sp.GetRequiredService<TimeProvider>()));
        services.AddTransient<PublicUrlProbe>();
        return services;
    }

    /// <summary>Pooled connections, and connections used once for servers that close each (see <see cref="ServerConnections"/>).</summary>
    private static ServerConnections CreateConnections(AddressGuard guard, CoverageOptions options) =>
        new(CreateHandler(guard, options, TimeSpan.FromMinutes(5)), CreateHandler(guard, options, TimeSpan.Zero));

    /// <summary>Connections per server follow the per-host limit (MaxPerHost), so no host sees more requests at once.</summary>
    private static SocketsHttpHandler CreateHandler(AddressGuard guard, CoverageOptions options, TimeSpan connectionLifetime) => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = connectionLifetime,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        MaxConnectionsPerServer = Math.Max(1, options.MaxPerHost),
        UseCookies = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var endpoint = context.DnsEndPoint;
            var addresses = await guard.ResolveAsync(endpoint.Host, endpoint.Port, cancellationToken).ConfigureAwait(false);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
