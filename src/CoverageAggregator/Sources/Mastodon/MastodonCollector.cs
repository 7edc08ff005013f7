using CoverageAggregator.Collection;
using CoverageAggregator.Fetching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.Mastodon;

/// <summary>
/// Mastodon through /api/v2/search (type=statuses) for each essay URL and naming phrase, plus the hashtag timelines
/// /api/v1/timelines/tag/&lt;tag&gt; (tags from the config's "tags", else derived from the phrases), read back to the essay's
/// date. An "accessToken" (or bearerToken) in the config is sent as a bearer token: instances answer full-text search only
/// when signed in.
/// </summary>
public sealed class MastodonCollector(Fetcher fetcher, PageResolver pages) : ISourceCollector
{
    private const int MaxTimelinePages = 3;
    private readonly SocialJudge _judge = new(pages);

    public bool CanCollect(SourceDescriptor source) => source.Kind == SourceKinds.Mastodon;

    public async Task<SourceRun> CollectAsync(SourceContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(context.Source.Url))
        {
            return new SourceRun { Outcome = FetchOutcome.Failed, Error = "Mastodon needs the baseUrl of the instance to search (there is no central Mastodon API)" };
        }

        var baseUrl = context.Source.Url.TrimEnd('/');
        var bearer = context.Source.Social?.BearerToken;
        var token = context.Source.Social?.Text("accessToken") ?? (string.IsNullOrWhiteSpace(bearer) ? null : bearer.Trim());
        var headers = token is null ? null : new Dictionary<string, string> { ["Authorization"] = "Bearer " + token };
        var harvest = new SocialHarvest();
        var queries = context.Essays.SelectMany(e => SearchTerms.Urls(e.Essay).Concat(SearchTerms.Phrases(e.Essay))).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var query in queries.TakeWhile(_ => !harvest.Halted))
        {
            var url = ApiUrl.Build(baseUrl, "/api/v2/search", ("q", query), ("type", "statuses"), ("resolve", "false"), ("limit", "40"));
            var response = await SocialApi.GetJsonAsync<MastodonWire.Search>(fetcher, MastodonPosts.Outlet, url, headers, MastodonWire.Json, cancellationToken).ConfigureAwait(false);
            if (harvest.Accept(response))
            {
                harvest.Add(Posts(response.Value!.Statuses, baseUrl), new HashSet<string>(StringComparer.Ordinal));
            }
        }

        var configured = context.Source.Social?.List("tags") ?? [];
        var tags = (configured.Count > 0 ? configured : context.Essays.SelectMany(e => SearchTerms.Tags(e.Essay)))
            .Select(t => t.TrimStart('#')).Distinct(StringComparer.OrdinalIgnoreCase);
        var since = context.Essays.Select(e => e.Essay.PublishedAt).Min() - TimeSpan.FromDays(1);
        foreach (var tag in tags.TakeWhile(_ => !harvest.Halted))
        {
            await ReadTimelineAsync(baseUrl, tag, since, headers, harvest, cancellationToken).ConfigureAwait(false);
        }

        return await harvest.FinishAsync(context, _judge, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReadTimelineAsync(
        string baseUrl, string tag, DateTimeOffset? since, IReadOnlyDictionary<string, string>? headers, SocialHarvest harvest, CancellationToken cancellationToken)
    {
        string? maxId = null;
        var loop = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < MaxTimelinePages; page++)
        {
            var url = ApiUrl.Build(baseUrl, "/api/v1/timelines/tag/" + Uri.EscapeDataString(tag), ("limit", "40"), ("max_id", maxId));
            var response = await SocialApi.GetJsonAsync<List<MastodonWire.Status>>(fetcher, MastodonPosts.Outlet, url, headers, MastodonWire.Json, cancellationToken).ConfigureAwait(false);
            if (!harvest.Accept(response) || response.Value!.Count == 0)
            {
                return;
            }

            var added = harvest.Add(Posts(response.Value, baseUrl), loop);
            maxId = response.Value[^1].Id;
            if (added == 0 || maxId is null || (since is { } s && response.Value[^1].CreatedAt < s))
            {
                return;
            }
        }
    }

    private static IEnumerable<SocialPost> Posts(IEnumerable<MastodonWire.Status>? statuses, string baseUrl) =>
        (statuses ?? []).Select(s => MastodonPosts.From(s, baseUrl)).OfType<SocialPost>();
}
