using System.Reflection;
using CoverageAggregator.Collection;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.Reddit;

/// <summary>
/// Reddit through oauth.reddit.com ("baseUrl"): /search.json (url:&lt;essay URL&gt; and the phrases naming the essay,
/// followed through "after") and /api/info.json?url= for each essay URL with and without its trailing slash (Reddit
/// matches the submitted URL exactly), then the comments (/comments/&lt;id&gt;.json) of the submissions that cite an essay.
/// Calls carry an application-only token (<see cref="RedditTokens"/>, from clientId + clientSecret), or a configured
/// bearerToken; anonymous calls are refused (403) and the health says what to set. Every call sends a User-Agent in
/// Reddit's form &lt;platform&gt;:&lt;app id&gt;:&lt;version&gt; (by /u/&lt;user&gt;): the config's "userAgent", or one built from "appId"
/// (default coverage-aggregator) and "username".
/// </summary>
public sealed class RedditCollector(Fetcher fetcher, CoverageJudge judge) : ISourceCollector
{
    internal const string OAuthApi = "https://oauth.reddit.com";
    private const int MaxPages = 3;
    private static readonly string Version = typeof(RedditCollector).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}" : "1.0";
    private readonly RedditTokens _tokens = new(fetcher);
    private readonly SocialJudge _judge = new(judge);

    public bool CanCollect(SourceDescriptor source) => source.Kind == SourceKinds.Reddit;

    public async Task<SourceRun> CollectAsync(SourceContext context, CancellationToken cancellationToken)
    {
        var api = new RedditApi(fetcher, _tokens, context, context.Source.BaseUrl(OAuthApi), UserAgent(context.Source));
        var harvest = new SocialHarvest();
        var urls = context.Essays.SelectMany(e => SearchTerms.Urls(e.Essay)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var searches = urls.Select(u => "url:" + u).Concat(context.Essays.SelectMany(e => SearchTerms.Phrases(e.Essay)).Select(p => $"\"{p}\""));
        foreach (var query in searches.Distinct(StringComparer.OrdinalIgnoreCase).TakeWhile(_ => !harvest.Halted))
        {
            await SearchAsync(api, query, harvest, cancellationToken).ConfigureAwait(false);
        }

        var lookups = urls.SelectMany(u => new[] { u.TrimEnd('/'), u.TrimEnd('/') + "/" }).Distinct(StringComparer.Ordinal);
        foreach (var url in lookups.TakeWhile(_ => !harvest.Halted))
        {
            await ReadAsync(api, "/api/info.json", [("url", url), ("raw_json", "1")], harvest, new HashSet<string>(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        }

        if (!harvest.Halted)
        {
            var citing = await _judge.CitingAsync(context, harvest.Posts, cancellationToken).ConfigureAwait(false);
            await new RedditComments(api).ReadAsync(citing, harvest, cancellationToken).ConfigureAwait(false);
        }

        return await harvest.FinishAsync(context, _judge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The configured userAgent, else &lt;platform&gt;:&lt;app id&gt;:&lt;version&gt; (by /u/&lt;user&gt;) from appId and username.</summary>
    internal static string UserAgent(SourceDescriptor source)
    {
        if (source.Social?.Text("userAgent") is { } configured)
        {
            return configured;
        }

        var agent = $"server:{source.Social?.Text("appId") ?? "coverage-aggregator"}:{Version}";
        return source.Social?.Text("username") is { } user ? $"{agent} (by /u/{user.TrimStart('/').Replace("u/", "", StringComparison.Ordinal)})" : agent;
    }

    private static async Task SearchAsync(RedditApi api, string query, SocialHarvest harvest, CancellationToken cancellationToken)
    {
        string? after = null;
        var loop = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < MaxPages; page++)
        {
            var (added, next) = await ReadAsync(
                api, "/search.json", [("q", query), ("sort", "new"), ("limit", "100"), ("raw_json", "1"), ("after", after)], harvest, loop, cancellationToken).ConfigureAwait(false);
            after = next;
            if (added == 0 || string.IsNullOrEmpty(after))
            {
                return;
            }
        }
    }

    private static async Task<(int Added, string? After)> ReadAsync(
        RedditApi api, string path, (string, string?)[] query, SocialHarvest harvest, ISet<string> loop, CancellationToken cancellationToken)
    {
        var response = await api.GetAsync<RedditWire.Listing>(path, query, cancellationToken).ConfigureAwait(false);
        if (!harvest.Accept(response))
        {
            return (0, null);
        }

        var links = RedditApi.Things<RedditWire.Link>(response.Value!, "t3", path, harvest);
        return (harvest.Add(links.Select(RedditPosts.From).OfType<SocialPost>(), loop), response.Value!.Data?.After);
    }
}
