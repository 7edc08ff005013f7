using System.Collections.Concurrent;
using System.Text;
using CoverageAggregator.Fetching;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.Reddit;

/// <summary>
/// Application-only OAuth (client credentials): POST {authUrl}/api/v1/access_token with HTTP Basic clientId:clientSecret
/// and grant_type=client_credentials. The token is kept per source and renewed a minute (or a tenth of its life) before
/// expires_in runs out, and at once when oauth.reddit.com refuses it.
/// </summary>
internal sealed class RedditTokens(Fetcher fetcher)
{
    public const string DefaultAuthUrl = "https://www.reddit.com";
    private static readonly TimeSpan MaxMargin = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset RenewAt)> _tokens = new(StringComparer.Ordinal);

    public static bool HasCredentials(SourceDescriptor source) =>
        source.Social?.Text("clientId") is not null && source.Social.Text("clientSecret") is not null;

    /// <summary>The source's token, fetched when it has none or it is due for renewal (or <paramref name="renew"/>); else the refusal.</summary>
    public async Task<(string? Token, ApiResponse<RedditWire.Token>? Failure)> TokenAsync(
        SourceDescriptor source, string userAgent, DateTimeOffset now, bool renew, CancellationToken cancellationToken)
    {
        if (!renew && _tokens.TryGetValue(source.Id, out var kept) && kept.RenewAt > now)
        {
            return (kept.Token, null);
        }

        var social = source.Social!;
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(social.Text("clientId") + ":" + social.Text("clientSecret")));
        var authUrl = social.Text("authUrl")?.TrimEnd('/') ?? DefaultAuthUrl;
        var headers = new Dictionary<string, string> { ["Authorization"] = "Basic " + basic, ["User-Agent"] = userAgent };
        var body = new FetchBody(Encoding.ASCII.GetBytes("grant_type=client_credentials"), "application/x-www-form-urlencoded");
        var answer = await SocialApi.PostAsync<RedditWire.Token>(
            fetcher, RedditPosts.Outlet, ApiUrl.Build(authUrl, "/api/v1/access_token"), body, headers, RedditWire.Json, cancellationToken).ConfigureAwait(false);
        if (answer.Value?.AccessToken is not { Length: > 0 } token)
        {
            _tokens.TryRemove(source.Id, out _);
            return (null, answer.IsOk ? answer with { Value = null, Error = "Reddit's token endpoint answered without an access_token" } : answer);
        }

        var life = TimeSpan.FromSeconds(Math.Max(answer.Value.ExpiresIn ?? 3600, 0));
        var margin = life / 10 < MaxMargin ? life / 10 : MaxMargin;
        _tokens[source.Id] = (token, now + life - margin);
        return (token, null);
    }
}
