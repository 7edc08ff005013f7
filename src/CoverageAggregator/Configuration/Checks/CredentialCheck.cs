using CoverageAggregator.Configuration.Discovery;
using CoverageAggregator.Fetching;
using CoverageAggregator.Sources;
using CoverageAggregator.Sources.Bluesky;
using CoverageAggregator.Sources.Reddit;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Configuration.Checks;

/// <summary>
/// Are a social source's credentials there, and does the platform accept them? Each probe is the smallest request the
/// collector itself makes, the way it makes it (one result of Bluesky's search through a session on the PDS, Mastodon's
/// verify_credentials, one result of Reddit's search with an app-only token on oauth.reddit.com, of X's and of Hacker
/// News' search), so "accepted" means collection will be let in.
/// </summary>
internal sealed class CredentialCheck(Fetcher fetcher, TimeProvider time)
{
    private readonly BlueskySessions _bluesky = new(fetcher);
    private readonly RedditTokens _reddit = new(fetcher);

    public async Task<CheckLine> RunAsync(SourceDescriptor source, string phrase, CancellationToken cancellationToken)
    {
        var platform = SocialPlatforms.Find(source.Kind);
        var subject = $"{platform?.Name ?? source.Kind} ({source.BaseUrl(platform?.BaseUrl ?? "")})";
        var social = source.Social!;
        return source.Kind switch
        {
            SourceKinds.Bluesky => !BlueskySessions.HasCredentials(source)
                ? Missing(subject, platform!)
                : await BlueskyAsync(subject, source, phrase, cancellationToken).ConfigureAwait(false),
            SourceKinds.Mastodon => (social.Text("accessToken") ?? Blank(social.BearerToken)) is not { } mastodon
                ? Missing(subject, platform!)
                : await ProbeAsync(subject, ApiUrl.Build(source.BaseUrl(platform!.BaseUrl), "/api/v1/accounts/verify_credentials"), Bearer(mastodon), platform, cancellationToken).ConfigureAwait(false),
            SourceKinds.Reddit => !RedditTokens.HasCredentials(source) && Blank(social.BearerToken) is null
                ? Missing(subject, platform!)
                : await RedditAsync(subject, source, phrase, platform!, cancellationToken).ConfigureAwait(false),
            SourceKinds.X => Blank(social.BearerToken) is not { } x
                ? Missing(subject, platform!)
                : await ProbeAsync(subject, ApiUrl.Build(source.BaseUrl(platform!.BaseUrl), "/2/tweets/search/recent", ("query", $"\"{phrase}\""), ("max_results", "10")), Bearer(x), platform, cancellationToken).ConfigureAwait(false),
            SourceKinds.HackerNews => await ProbeAsync(subject, ApiUrl.Build(source.BaseUrl(platform!.BaseUrl), "/api/v1/search", ("query", phrase), ("hitsPerPage", "1")), null, platform, cancellationToken).ConfigureAwait(false),
            _ => new CheckLine(CheckStatus.Failed, subject, $"unknown social type \"{source.Kind}\"", "use bluesky, mastodon, reddit, hackernews or x"),
        };
    }

    private async Task<CheckLine> BlueskyAsync(string subject, SourceDescriptor source, string phrase, CancellationToken cancellationToken)
    {
        var pds = source.Social?.Text("pdsUrl")?.TrimEnd('/') ?? BlueskyCollector.DefaultPds;
        var search = ApiUrl.Build(pds, "/xrpc/app.bsky.feed.searchPosts", ("q", phrase), ("limit", "1"));
        var answer = await _bluesky.GetAsync<BlueskyWire.SearchPosts>(source, pds, search, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return answer.IsOk
            ? new CheckLine(CheckStatus.Ok, subject, $"credentials present and accepted (signed in on {pds})")
            : Refused(subject, answer.Fetch, answer.Error ?? "login failed", SocialPlatforms.Find(SourceKinds.Bluesky)!);
    }

    private async Task<CheckLine> RedditAsync(string subject, SourceDescriptor source, string phrase, SocialPlatform platform, CancellationToken cancellationToken)
    {
        var userAgent = RedditCollector.UserAgent(source);
        var token = Blank(source.Social!.BearerToken);
        if (RedditTokens.HasCredentials(source))
        {
            var (fresh, failure) = await _reddit.TokenAsync(source, userAgent, time.GetUtcNow(), renew: true, cancellationToken).ConfigureAwait(false);
            if (fresh is null)
            {
                return Refused(subject, failure!.Fetch, "Reddit's token endpoint: " + (failure.Error ?? "no token"), platform);
            }

            token = fresh;
        }

        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token, ["User-Agent"] = userAgent };
        return await ProbeAsync(subject, ApiUrl.Build(source.BaseUrl(RedditCollector.OAuthApi), "/search.json", ("q", phrase), ("limit", "1")), headers, platform, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CheckLine> ProbeAsync(string subject, Uri url, IReadOnlyDictionary<string, string>? headers, SocialPlatform platform, CancellationToken cancellationToken)
    {
        var fetch = await fetcher.FetchAsync(new FetchRequest(url, Accept: "application/json", Headers: headers), cancellationToken).ConfigureAwait(false);
        if (fetch.IsOk)
        {
            return new CheckLine(CheckStatus.Ok, subject, platform.CredentialSettings.Count == 0 ? "answers (no credentials needed)" : "credentials present and accepted");
        }

        return Refused(subject, fetch, $"{url.AbsolutePath}: {fetch.Error}", platform);
    }

    private static CheckLine Refused(string subject, FetchResult fetch, string error, SocialPlatform platform) =>
        fetch.StatusCode is 401 or 403 && platform.CredentialSettings.Count > 0
            ? new CheckLine(CheckStatus.Failed, subject, $"credentials refused: {error}", $"renew them in {string.Join(" and ", platform.CredentialSettings)} ({platform.Credentials})")
            : new CheckLine(CheckStatus.Failed, subject, error, FeedCheck.FixFor(fetch));

    private static CheckLine Missing(string subject, SocialPlatform platform) =>
        new(CheckStatus.Missing, subject, "no credentials", $"set {string.Join(" and ", platform.CredentialSettings)} ({platform.Credentials})");

    private static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = "Bearer " + token };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
