using System.Globalization;
using CoverageAggregator.Collection;
using CoverageAggregator.Fetching;
using CoverageAggregator.Resolving;
using CoverageAggregator.Sources.Social;

namespace CoverageAggregator.Sources.HackerNews;

/// <summary>
/// Hacker News through the Algolia API: stories whose url is an essay URL (search and search_by_date with
/// restrictSearchableAttributes=url, which matches URL prefixes, so each hit's url is checked after canonicalising), and
/// stories and comments naming the essay (for quotes and mentions), each read across its pages.
/// </summary>
public sealed class HackerNewsCollector(Fetcher fetcher, PageResolver pages) : ISourceCollector
{
    private const string PublicApi = "https://hn.algolia.com";
    private const int MaxPages = 3;
    private readonly SocialJudge _judge = new(pages);

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

        return await harvest.FinishAsync(context, _judge, cancellationToken).ConfigureAwait(false);
    }

    private async Task SearchAsync(
        string baseUrl, string path, string query, string tags, bool byUrl, string? filter, SocialHarvest harvest, CancellationToken cancellationToken)
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

            var added = harvest.Add((response.Value!.Hits ?? []).Select(HackerNewsPosts.From).OfType<SocialPost>(), loop);
            if (added == 0 || page + 1 >= (response.Value.NbPages ?? 1))
            {
                return;
            }
        }
    }
}
