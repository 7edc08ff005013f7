using System.Collections.Concurrent;
using CoverageAggregator.Feeds;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Resolving;

/// <summary>Fetches and reads article pages, and resolves links through redirects (short links, feed proxies) with a cache.</summary>
public sealed class PageResolver(Fetcher fetcher)
{
    private readonly ConcurrentDictionary<string, Task<string?>> _resolved = new(StringComparer.Ordinal);

    public async Task<(ArticlePage? Page, FetchResult Fetch)> FetchPageAsync(string url, CancellationToken cancellationToken)
    {
        var result = await fetcher.FetchAsync(new FetchRequest(new Uri(url), Accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"), cancellationToken).ConfigureAwait(false);
        if (!result.IsOk)
        {
            return (null, result);
        }

        var html = TextDecoding.Decode(result.Body, result.Charset);
        return (ArticleParser.Parse(html, result.FinalUrl), result);
    }

    /// <summary>Where a link finally lands after its redirects; null when it cannot be reached.</summary>
    public Task<string?> ResolveAsync(string url, CancellationToken cancellationToken)
    {
        if (_resolved.Count > 20_000)
        {
            _resolved.Clear();
        }

        return _resolved.GetOrAdd(UrlCanonicalizer.Canonicalize(url) ?? url, async _ =>
        {
            var result = await fetcher.FetchAsync(new FetchRequest(new Uri(url), HeadersOnly: true), cancellationToken).ConfigureAwait(false);
            return result.IsOk ? result.FinalUrl.AbsoluteUri : null;
        });
    }
}
