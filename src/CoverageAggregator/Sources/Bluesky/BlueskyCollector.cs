using CoverageAggregator.Collection;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.Bluesky;

/// <summary>
/// Bluesky through app.bsky.feed.searchPosts: one search per essay host (domain:) and per phrase naming the essay, each
/// followed through its cursor. Search needs a signed-in account since 2025: with identifier + appPassword it goes
/// through the account's PDS ("pdsUrl", default https://bsky.social) with the session's token; without them it is tried
/// on the public AppView ("baseUrl"), which answers 403, and the health says what to set. The threads and quotes of the
/// posts that cite an essay are read anonymously from the public AppView (<see cref="BlueskyThreads"/>).
/// </summary>
public sealed class BlueskyCollector(Fetcher fetcher, CoverageJudge judge) : ISourceCollector
{
    private const string PublicApi = "https://public.api.bsky.app";
    internal const string DefaultPds = "https://bsky.social";
    private const int MaxPages = 5;
    private readonly BlueskySessions _sessions = new(fetcher);
    private readonly SocialJudge _judge = new(judge);

    public bool CanCollect(SourceDescriptor source) => source.Kind == SourceKinds.Bluesky;

    public async Task<SourceRun> CollectAsync(SourceContext context, CancellationToken cancellationToken)
    {
        var appView = context.Source.BaseUrl(PublicApi);
        var harvest = new SocialHarvest();
        var queries = context.Essays
            .SelectMany(e => SearchTerms.Hosts(e.Essay).Select(h => "domain:" + h).Concat(SearchTerms.Phrases(e.Essay).Select(p => $"\"{p}\"")))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var query in queries.TakeWhile(_ => !harvest.Halted))
        {
            await SearchAsync(context, appView, query, harvest, cancellationToken).ConfigureAwait(false);
        }

        if (!harvest.Halted)
        {
            var citing = await _judge.CitingAsync(context, harvest.Posts, cancellationToken).ConfigureAwait(false);
            await new BlueskyThreads(fetcher, appView).ReadAsync(citing, harvest, cancellationToken).ConfigureAwait(false);
        }

        return await harvest.FinishAsync(context, _judge, cancellationToken).ConfigureAwait(false);
    }

    private async Task SearchAsync(SourceContext context, string appView, string query, SocialHarvest harvest, CancellationToken cancellationToken)
    {
        var signedIn = BlueskySessions.HasCredentials(context.Source);
        var searchBase = signedIn ? context.Source.Social?.Text("pdsUrl")?.TrimEnd('/') ?? DefaultPds : appView;
        string? cursor = null;
        var loop = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < MaxPages; page++)
        {
            var url = ApiUrl.Build(searchBase, "/xrpc/app.bsky.feed.searchPosts", ("q", query), ("sort", "latest"), ("limit", "100"), ("cursor", cursor));
            var response = signedIn
                ? await _sessions.GetAsync<BlueskyWire.SearchPosts>(context.Source, searchBase, url, context.Now, cancellationToken).ConfigureAwait(false)
                : await SocialApi.GetJsonAsync<BlueskyWire.SearchPosts>(fetcher, BlueskyPosts.Outlet, url, null, BlueskyWire.Json, cancellationToken).ConfigureAwait(false);
            if (!harvest.Accept(response))
            {
                return;
            }

            var added = harvest.Add(BlueskyThreads.Posts(response.Value!.Posts, url, harvest), loop);
            cursor = response.Value.Cursor;
            if (string.IsNullOrEmpty(cursor) || added == 0)
            {
                return;
            }
        }
    }
}
