using System.Collections.Concurrent;
using CoverageAggregator.Fetching;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.Bluesky;

/// <summary>
/// App-password sessions (com.atproto.server.createSession), kept per source for a while: an access token lives about two
/// hours and createSession is rate-limited, so a run reuses the session of an earlier one.
/// </summary>
internal sealed class BlueskySessions(Fetcher fetcher)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Until)> _tokens = new(StringComparer.Ordinal);

    /// <summary>The Authorization header for the source, none when no credentials are configured, or the error.</summary>
    public async Task<(IReadOnlyDictionary<string, string>? Headers, ApiResponse<BlueskyWire.Session>? Failure)> HeadersAsync(
        SourceDescriptor source, string baseUrl, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var identifier = source.Social?.Text("identifier");
        var password = source.Social?.Text("appPassword");
        if (identifier is null || password is null)
        {
            return (null, null);
        }

        if (!_tokens.TryGetValue(source.Id, out var cached) || cached.Until <= now)
        {
            var session = await SocialApi.PostJsonAsync<BlueskyWire.Session>(
                fetcher, BlueskyPosts.Outlet, ApiUrl.Build(baseUrl, "/xrpc/com.atproto.server.createSession"),
                new { identifier, password }, BlueskyWire.Json, cancellationToken).ConfigureAwait(false);
            if (session.Value?.AccessJwt is not { Length: > 0 } token)
            {
                return (null, session.IsOk ? session with { Value = null, Error = "Bluesky createSession answered without an access token" } : session);
            }

            cached = (token, now + Lifetime);
            _tokens[source.Id] = cached;
        }

        return (new Dictionary<string, string> { ["Authorization"] = "Bearer " + cached.Token }, null);
    }
}
