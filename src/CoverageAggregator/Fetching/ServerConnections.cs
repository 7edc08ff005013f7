using System.Collections.Concurrent;
using System.Net;

namespace CoverageAggregator.Fetching;

/// <summary>
/// The fetcher's connections: pooled and reused, except to a server that closes each one after its answer. RFC 9112
/// §9.3: an HTTP/1.0 response without the keep-alive option ends its connection. SocketsHttpHandler pools such a
/// connection anyway (it applies HTTP/1.1's rules to HTTP/1.0 answers, dotnet/runtime#72958), so a later request is sent
/// on a socket the server has closed: against the loopback fixture server (Python's http.server, HTTP/1.0) about half of
/// the requests went out on a dead connection and were sent again, and about 0.5 % failed with "the response ended
/// prematurely". Once a server answers so, its requests go through a handler whose connections serve one request
/// (<see cref="SocketsHttpHandler.PooledConnectionLifetime"/> zero), as curl and browsers treat such a server.
/// </summary>
internal sealed class ServerConnections(HttpMessageHandler pooled, HttpMessageHandler oneShot) : HttpMessageHandler
{
    /// <summary>Servers remembered as closing their connections, at most (a cycle reads from a few thousand).</summary>
    private const int MaxServers = 10_000;

    private readonly HttpMessageInvoker _pooled = new(pooled);
    private readonly HttpMessageInvoker _oneShot = new(oneShot);
    private readonly ConcurrentDictionary<string, byte> _closing = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the answer ends its connection, though SocketsHttpHandler would pool it: HTTP/1.0 without keep-alive.</summary>
    public static bool EndsConnection(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Version == HttpVersion.Version10
            && !response.Headers.Connection.Contains("keep-alive", StringComparer.OrdinalIgnoreCase);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var server = request.RequestUri!.GetLeftPart(UriPartial.Authority);
        if (_closing.ContainsKey(server))
        {
            return await _oneShot.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var response = await _pooled.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (EndsConnection(response) && _closing.Count < MaxServers)
        {
            _closing.TryAdd(server, 0);
        }

        return response;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pooled.Dispose();
            _oneShot.Dispose();
        }

        base.Dispose(disposing);
    }
}
