using CoverageAggregator.Collection;
using CoverageAggregator.Fetching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.Reddit;

/// <summary>
/// Reddit through /search.json (url:&lt;essay URL&gt; and the phrases naming the essay, followed through "after") and
/// /api/info.json?url= for each essay URL with and without its trailing slash (Reddit matches the submitted URL exactly).
/// Reddit asks API clients for a User-Agent of the form &lt;platform&gt;:&lt;app id&gt;:&lt;version&gt; (by /u/&lt;user&gt;): the config's
/// "userAgent", or one built from "appId" and "username".
/// </summary>
public sealed class RedditCollector(Fetcher fetcher, PageResolver pages) : ISourceCollector
{
    private const string PublicApi = "https://www.reddit.com";
    private const int MaxPages = 3;
    private readonly SocialJudge _judge = new(pages);

    public bool CanCollect(SourceDescriptor source) => source.Kind == SourceKinds.Reddit;

    public async Task<SourceRun> CollectAsync(SourceContext context, CancellationToken cancellationToken)
    {
        var baseUrl = context.Source.BaseUrl(PublicApi);
        var headers = Headers(context.Source);
        var harvest = new SocialHarvest();
        var urls = context.Essays.SelectMany(e => SearchTerms.Urls(e.Essay)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var searches = urls.Select(u => "url:" + u).Concat(context.Essays.SelectMany(e => SearchTerms.Phrases(e.Essay)).Select(p => $"\"{p}\""));
        foreach (var query in searches.Distinct(StringComparer.OrdinalIgnoreCase).TakeWhile(_ => !harvest.Halted))
        {
            await SearchAsync(baseUrl, query, headers, harvest, cancellationToken).ConfigureAwait(false);
        }

        var lookups = urls.SelectMany(u => new[] { u.TrimEnd('/'), u.TrimEnd('/') + "/" }).Distinct(StringComparer.Ordinal);
        foreach (var url in lookups.TakeWhile(_ => !harvest.Halted))
        {
            var info = ApiUrl.Build(baseUrl, "/api/info.json", ("url", url), ("raw_json", "1"));
            await ReadAsync(info, headers, harvest, new HashSet<string>(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        }

        return await harvest.FinishAsync(context, _judge, cancellationToken).ConfigureAwait(false);
    }

    private async Task SearchAsync(string baseUrl, string query, IReadOnlyDictionary<string, string>? headers, SocialHarvest harvest, CancellationToken cancellationToken)
    {
        string? after = null;
        var loop = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < MaxPages; page++)
        {
            var url = ApiUrl.Build(baseUrl, "/search.json", ("q", query), ("sort", "new"), ("limit", "100"), ("raw_json", "1"), ("after", after));
            var (added, next) = await ReadAsync(url, headers, harvest, loop, cancellationToken).ConfigureAwait(false);
            after = next;
            if (added == 0 || string.IsNullOrEmpty(after))
            {
                return;
            }
        }
    }

    private async Task<(int Added, string? After)> ReadAsync(
        Uri url, IReadOnlyDictionary<string, string>? headers, SocialHarvest harvest, ISet<string> loop, CancellationToken cancellationToken)
    {
        var response = await SocialApi.GetJsonAsync<RedditWire.Listing>(fetcher, RedditPosts.Outlet, url, headers, RedditWire.Json, cancellationToken).ConfigureAwait(false);
        if (!harvest.Accept(response))
        {
            return (0, null);
        }

        var links = (response.Value!.Data?.Children ?? []).Where(c => c.Kind == "t3").Select(c => c.Data).OfType<RedditWire.Link>();
        return (harvest.Add(links.Select(RedditPosts.From).OfType<SocialPost>(), loop), response.Value.Data?.After);
    }

    private static Dictionary<string, string>? Headers(SourceDescriptor source)
    {
        var userAgent = source.Social?.Text("userAgent");
        if (userAgent is null && source.Social?.Text("username") is { } user)
        {
            userAgent = $"server:{source.Social.Text("appId") ?? "coverage-aggregator"}:1.0 (by /u/{user})";
        }

        var token = source.Social?.BearerToken;
        var headers = new Dictionary<string, string>();
        if (userAgent is not null)
        {
            headers["User-Agent"] = userAgent;
        }

        if (!string.IsNullOrWhiteSpace(token))
        {
            headers["Authorization"] = "Bearer " + token;
        }

        return headers.Count > 0 ? headers : null;
    }
}
