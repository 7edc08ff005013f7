using System.Collections.Concurrent;
using CoverageAggregator.Fetching;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.Bluesky;

/// <summary>
/// App-password sessions on the account's PDS (com.atproto.server.createSession), kept per source across runs: an
/// access token lives about two hours and createSession is rate-limited, so a run reuses the session of an earlier one,
/// renews it with com.atproto.server.refreshSession when it is old or when the PDS answers that the token expired
/// (ExpiredToken, HTTP 400, or 401), and signs in again only when the refresh token is refused too.
/// </summary>
internal sealed class BlueskySessions(Fetcher fetcher)
{
    /// <summary>Sessions older than this are refreshed before use.</summary>
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(90);

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    private sealed record Session(string AccessJwt, string? RefreshJwt, DateTimeOffset Since);

    public static bool HasCredentials(SourceDescriptor source) =>
        source.Social?.Text("identifier") is not null && source.Social.Text("appPassword") is not null;

    /// <summary>
    /// GET through the PDS with the source's session: signs in or refreshes first when needed, and once more when the
    /// PDS refuses the access token. The login's failure is the answer when there is no session to be had.
    /// </summary>
    public async Task<ApiResponse<T>> GetAsync<T>(SourceDescriptor source, string pds, Uri url, DateTimeOffset now, CancellationToken cancellationToken)
        where T : class
    {
        _sessions.TryGetValue(source.Id, out var session);
        if (session is null || session.Since + RefreshAfter <= now)
        {
            var (renewed, failure) = await RenewAsync(source, pds, session, now, cancellationToken).ConfigureAwait(false);
            if (renewed is null)
            {
                return new ApiResponse<T>(null, failure!.Fetch, "Bluesky login failed: " + failure.Error);
            }

            session = renewed;
        }

        var response = await GetWithAsync<T>(session, url, cancellationToken).ConfigureAwait(false);
        if (response.Fetch.StatusCode is not (400 or 401))
        {
            return response;
        }

        var (again, refused) = await RenewAsync(source, pds, session, now, cancellationToken).ConfigureAwait(false);
        return again is null
            ? new ApiResponse<T>(null, refused!.Fetch, "Bluesky login failed: " + refused.Error)
            : await GetWithAsync<T>(again, url, cancellationToken).ConfigureAwait(false);
    }

    private Task<ApiResponse<T>> GetWithAsync<T>(Session session, Uri url, CancellationToken cancellationToken)
        where T : class =>
        SocialApi.GetJsonAsync<T>(fetcher, BlueskyPosts.Outlet, url, Bearer(session.AccessJwt), BlueskyWire.Json, cancellationToken);

    /// <summary>refreshSession with the refresh token when there is one, else (or when it is refused) createSession.</summary>
    private async Task<(Session? Session, ApiResponse<BlueskyWire.Session>? Failure)> RenewAsync(
        SourceDescriptor source, string pds, Session? stale, DateTimeOffset now, CancellationToken cancellationToken)
    {
        _sessions.TryRemove(source.Id, out _);
        if (stale?.RefreshJwt is { } refreshJwt)
        {
            var refreshed = await SocialApi.PostAsync<BlueskyWire.Session>(
                fetcher, BlueskyPosts.Outlet, ApiUrl.Build(pds, "/xrpc/com.atproto.server.refreshSession"), new FetchBody([], "application/json"),
                Bearer(refreshJwt), BlueskyWire.Json, cancellationToken).ConfigureAwait(false);
            if (Keep(source, refreshed, now) is { } session)
            {
                return (session, null);
            }
        }

        var login = new { identifier = source.Social?.Text("identifier"), password = source.Social?.Text("appPassword") };
        var created = await SocialApi.PostJsonAsync<BlueskyWire.Session>(
            fetcher, BlueskyPosts.Outlet, ApiUrl.Build(pds, "/xrpc/com.atproto.server.createSession"), login, BlueskyWire.Json, cancellationToken).ConfigureAwait(false);
        return Keep(source, created, now) is { } fresh
            ? (fresh, null)
            : (null, created.IsOk ? created with { Value = null, Error = "createSession answered without an access token" } : created);
    }

    private Session? Keep(SourceDescriptor source, ApiResponse<BlueskyWire.Session> answer, DateTimeOffset now)
    {
        if (answer.Value?.AccessJwt is not { Length: > 0 } access)
        {
            return null;
        }

        var session = new Session(access, answer.Value.RefreshJwt, now);
        _sessions[source.Id] = session;
        return session;
    }

    private static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = "Bearer " + token };
}
