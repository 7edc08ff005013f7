using CoverageAggregator.Collection;
using CoverageAggregator.Fetching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.Bluesky;

/// <summary>
/// Bluesky through app.bsky.feed.searchPosts: one search per essay host (domain:) and per phrase naming the essay, each
/// followed through its cursor. Anonymous on the public AppView unless the source config has identifier + appPassword.
/// </summary>
public sealed class BlueskyCollector(Fetcher fetcher, PageResolver pages) : ISourceCollector
{
    private const string PublicApi = "https://public.api.bsky.app";
    private const int MaxPages = 5;
    private readonly BlueskySessions _sessions = new(fetcher);
    private readonly SocialJudge _judge = new(pages);

    public bool CanCollect(SourceDescriptor source) => source.Kind == SourceKinds.Bluesky;

    public async Task<SourceRun> CollectAsync(SourceContext context, CancellationToken cancellationToken)
    {
        var baseUrl = context.Source.BaseUrl(PublicApi);
        var harvest = new SocialHarvest();
        var (headers, failure) = await _sessions.HeadersAsync(context.Source, baseUrl, context.Now, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            harvest.Accept(failure with { Error = "Bluesky login failed: " + failure.Error });
            return await harvest.FinishAsync(context, _judge, cancellationToken).ConfigureAwait(false);
        }

        var queries = context.Essays
            .SelectMany(e => SearchTerms.Hosts(e.Essay).Select(h => "domain:" + h).Concat(SearchTerms.Phrases(e.Essay).Select(p => $"\"{p}\"")))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var query in queries)
        {
            if (harvest.Halted)
            {
                break;
            }

            await SearchAsync(baseUrl, query, headers, harvest, cancellationToken).ConfigureAwait(false);
        }

        return await harvest.FinishAsync(context, _judge, cancellationToken).ConfigureAwait(false);
    }

    private async Task SearchAsync(string baseUrl, string query, IReadOnlyDictionary<string, string>? headers, SocialHarvest harvest, CancellationToken cancellationToken)
    {
        string? cursor = null;
        var loop = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < MaxPages; page++)
        {
            var url = ApiUrl.Build(baseUrl, "/xrpc/app.bsky.feed.searchPosts", ("q", query), ("sort", "latest"), ("limit", "100"), ("cursor", cursor));
            var response = await SocialApi.GetJsonAsync<BlueskyWire.SearchPosts>(fetcher, BlueskyPosts.Outlet, url, headers, BlueskyWire.Json, cancellationToken).ConfigureAwait(false);
            if (!harvest.Accept(response))
            {
                return;
            }

            var added = harvest.Add((response.Value!.Posts ?? []).Select(BlueskyPosts.From).OfType<SocialPost>(), loop);
            cursor = response.Value.Cursor;
            if (string.IsNullOrEmpty(cursor) || added == 0)
            {
                return;
            }
        }
    }
}
