using System.Text.Json;
using CoverageAggregator.Collection;
using CoverageAggregator.Fetching;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.Reddit;

/// <summary>
/// One run's calls to oauth.reddit.com: each with the User-Agent and the app's token (or the configured bearerToken),
/// renewed and retried once when Reddit refuses it (401).
/// </summary>
internal sealed class RedditApi(Fetcher fetcher, RedditTokens tokens, SourceContext context, string baseUrl, string userAgent)
{
    public async Task<ApiResponse<T>> GetAsync<T>(string path, (string Name, string? Value)[] query, CancellationToken cancellationToken)
        where T : class
    {
        var url = ApiUrl.Build(baseUrl, path, query);
        if (!RedditTokens.HasCredentials(context.Source))
        {
            var bearer = context.Source.Social?.BearerToken;
            var headers = new Dictionary<string, string> { ["User-Agent"] = userAgent };
            if (!string.IsNullOrWhiteSpace(bearer))
            {
                headers["Authorization"] = "Bearer " + bearer.Trim();
            }

            return await SocialApi.GetJsonAsync<T>(fetcher, RedditPosts.Outlet, url, headers, RedditWire.Json, cancellationToken).ConfigureAwait(false);
        }

        var response = await WithTokenAsync<T>(url, renew: false, cancellationToken).ConfigureAwait(false);

        // A 401 from the API itself (not from the token endpoint): the kept token was revoked or expired early.
        return response.Fetch.StatusCode == 401 && response.Fetch.RequestedUrl == url
            ? await WithTokenAsync<T>(url, renew: true, cancellationToken).ConfigureAwait(false)
            : response;
    }

    /// <summary>The things of one kind in a Listing, each read on its own (a malformed one is skipped and counted).</summary>
    public static List<T> Things<T>(RedditWire.Listing listing, string kind, string path, SocialHarvest harvest)
    {
        var things = WireItems.Read<RedditWire.Thing>(listing.Data?.Children, RedditWire.Json, out var badThings);
        var data = things.Where(t => t.Kind == kind && t.Data is { ValueKind: JsonValueKind.Object }).Select(t => t.Data!.Value);
        var read = WireItems.Read<T>(data, RedditWire.Json, out var badData);
        if (WireItems.Skipped(RedditPosts.Outlet, path, badThings + badData) is { } warning)
        {
            harvest.Warn(warning);
        }

        return read;
    }

    private async Task<ApiResponse<T>> WithTokenAsync<T>(Uri url, bool renew, CancellationToken cancellationToken)
        where T : class
    {
        var (token, failure) = await tokens.TokenAsync(context.Source, userAgent, context.Now, renew, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return new ApiResponse<T>(null, failure!.Fetch, "Reddit token request failed: " + failure.Error);
        }

        var headers = new Dictionary<string, string> { ["User-Agent"] = userAgent, ["Authorization"] = "Bearer " + token };
        return await SocialApi.GetJsonAsync<T>(fetcher, RedditPosts.Outlet, url, headers, RedditWire.Json, cancellationToken).ConfigureAwait(false);
    }
}
