using System.Globalization;
using CoverageAggregator.Collection;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.HackerNews;

/// <summary>
/// Hacker News through the Algolia API: stories whose url is an essay URL (search and search_by_date with
/// restrictSearchableAttributes=url, which matches URL prefixes, so each hit's url is checked after canonicalising), and
/// stories and comments naming the essay (for quotes and mentions), each read across its pages. The comments of every story
/// that cites an essay are read too (search?tags=comment,story_&lt;id&gt;): a comment that quotes or discusses the essay is
/// a post attached to its story. Algolia is free and anonymous; PostsRead counts the distinct hits read.
/// </summary>
public sealed class HackerNewsCollector(Fetcher fetcher, CoverageJudge judge) : ISourceCollector
{
    private const string PublicApi = "https://hn.algolia.com";
    private const int MaxPages = 3;

    /// <summary>Comment threads read per run: those of the stories citing an essay, the first this many.</summary>
    private const int MaxThreads = 10;
    private readonly SocialJudge _judge = new(judge);

    public bool CanCollect(SourceDescriptor source) => source.Kind == SourceKinds.HackerNews;

    public async Task<SourceRun> CollectAsync(SourceContext context, CancellationToken cancellationToken)
    {
        var baseUrl = context.Source.BaseUrl(PublicApi);
        var harvest = new SocialHarvest();
        var since = context.Essays.Select(e => e.Essay.PublishedAt).Min() - TimeSpan.FromDays(1);
        var filter = since is { } s ? "created_at_i>" + s.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : null;
        var searches = new List<(string Path, string Query, string Tags, bool ByUrl)>();
        foreach (var url in context.Essays.SelectMany(e => SearchTerms.BareUrls(e.Essay)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            searches.Add(("/api/v1/search", url, "story", true));
            searches.Add(("/api/v1/search_by_date", url, "story", true));
        }

        foreach (var phrase in context.Essays.SelectMany(e => SearchTerms.Phrases(e.Essay)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            searches.Add(("/api/v1/search", $"\"{phrase}\"", "(story,comment)", false));
            searches.Add(("/api/v1/search_by_date", phrase, "comment", false));
        }

        foreach (var (path, query, tags, byUrl) in searches.TakeWhile(_ => !harvest.Halted))
        {
            await SearchAsync(baseUrl, path, query, tags, byUrl, filter, harvest, cancellationToken).ConfigureAwait(false);
        }

        foreach (var story in (await MatchedStoriesAsync(context, harvest, cancellationToken).ConfigureAwait(false)).TakeWhile(_ => !harvest.Halted))
        {
            await SearchAsync(baseUrl, "/api/v1/search", null, "comment,story_" + story, false, null, harvest, cancellationToken, story).ConfigureAwait(false);
        }

        var run = await harvest.FinishAsync(context, _judge, cancellationToken).ConfigureAwait(false);
        return run with { PostsRead = harvest.Posts.Count };
    }

    /// <summary>The ids of the stories found citing an essay (judged here once more; the final judgement includes their comments).</summary>
    private async Task<IReadOnlyList<string>> MatchedStoriesAsync(SourceContext context, SocialHarvest harvest, CancellationToken cancellationToken)
    {
        if (harvest.Halted)
        {
            return [];
        }

        var stories = harvest.Posts.Where(p => p.Kind == Coverage.CoverageKinds.Discussion);
        return (await _judge.JudgeAsync(context, stories, cancellationToken).ConfigureAwait(false))
            .Select(i => i.Url[(i.Url.IndexOf("?id=", StringComparison.Ordinal) + 4)..])
            .Distinct(StringComparer.Ordinal)
            .Take(MaxThreads)
            .ToList();
    }

    /// <summary>Reads a search across its pages; with <paramref name="story"/>, only the comments of that story are kept.</summary>
    private async Task SearchAsync(
        string baseUrl, string path, string? query, string tags, bool byUrl, string? filter, SocialHarvest harvest, CancellationToken cancellationToken,
        string? story = null)
    {
        var loop = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < MaxPages; page++)
        {
            var url = ApiUrl.Build(baseUrl, path,
                ("query", query), ("tags", tags), ("restrictSearchableAttributes", byUrl ? "url" : null), ("numericFilters", filter),
                ("hitsPerPage", "100"), ("page", page > 0 ? page.ToString(CultureInfo.InvariantCulture) : null));
            var response = await SocialApi.GetJsonAsync<HackerNewsWire.SearchResult>(fetcher, HackerNewsPosts.Outlet, url, null, HackerNewsWire.Json, cancellationToken).ConfigureAwait(false);
            if (!harvest.Accept(response))
            {
                return;
            }

            var hits = (response.Value!.Hits ?? []).Where(h => story is null || h.StoryId?.ToString(CultureInfo.InvariantCulture) == story);
            var added = harvest.Add(hits.Select(HackerNewsPosts.From).OfType<SocialPost>(), loop);
            if (added == 0 || page + 1 >= (response.Value.NbPages ?? 1))
            {
                return;
            }
        }
    }
}
