using System.Collections.Concurrent;
using CoverageAggregator.Feeds;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Resolving;

/// <summary>Fetches and reads article pages, and resolves links through redirects (short links, feed proxies) with a cache.</summary>
public sealed class PageResolver(Fetcher fetcher, GoogleNewsDecoder? googleNews = null)
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

    /// <summary>
    /// The publisher's article for a Google News item whose link does not redirect: the URL inside an old-style token,
    /// else the URL Google's own decoding gives (<see cref="GoogleNewsDecoder"/>), else the entry of the outlet's own
    /// feed (advertised on its home page, the item's &lt;source url&gt;) with the same title, else a link with that title
    /// on the home page. Null when none is found: the caller then drops the item.
    /// </summary>
    public async Task<string?> FindPublisherArticleAsync(string googleNewsUrl, string? title, string? sourceUrl, CancellationToken cancellationToken)
    {
        if (GoogleNewsLinks.DecodeArticleUrl(googleNewsUrl) is { } decoded)
        {
            return decoded;
        }

        if (googleNews is not null && (await googleNews.DecodeAsync(googleNewsUrl, cancellationToken).ConfigureAwait(false)).Url is { } fromGoogle)
        {
            return fromGoogle;
        }

        if (title is null || !Uri.TryCreate(sourceUrl, UriKind.Absolute, out var home) || GoogleNewsLinks.IsGoogleNews(home))
        {
            return null;
        }

        var homePage = await fetcher.FetchAsync(new FetchRequest(home, Accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"), cancellationToken).ConfigureAwait(false);
        if (!homePage.IsOk)
        {
            return null;
        }

        using var document = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(TextDecoding.Decode(homePage.Body, homePage.Charset), cancellationToken).ConfigureAwait(false);
        foreach (var feedUrl in GoogleNewsLinks.FeedLinks(document, homePage.FinalUrl).Take(3))
        {
            var feed = await fetcher.FetchAsync(new FetchRequest(new Uri(feedUrl), Accept: "application/rss+xml, application/atom+xml, application/feed+json, */*;q=0.5"), cancellationToken).ConfigureAwait(false);
            if (!feed.IsOk)
            {
                continue;
            }

            try
            {
                var entries = FeedParser.Parse(feed.Body, feed.FinalUrl, feed.Charset).Entries;
                if (entries.FirstOrDefault(e => GoogleNewsLinks.SameTitle(e.Title, title) && e.Link is not null && !GoogleNewsLinks.IsGoogleNews(e.Link)) is { } entry)
                {
                    return entry.Link;
                }
            }
            catch (FeedFormatException)
            {
                // An unreadable feed: the home page's links are the last resort.
            }
        }

        return GoogleNewsLinks.LinkWithTitle(document, homePage.FinalUrl, title) is { } linked && !GoogleNewsLinks.IsGoogleNews(linked) ? linked : null;
    }

    /// <summary>
    /// The essay URL that one of <paramref name="links"/> lands on after its redirects (short links, app links, feed
    /// proxies), trying at most <paramref name="max"/> of them in order; null when none does.
    /// </summary>
    public async Task<string?> FindEssayTargetAsync(EssayProfile essay, IEnumerable<string> links, int max, CancellationToken cancellationToken)
    {
        foreach (var link in links.Take(max))
        {
            var target = await ResolveAsync(link, cancellationToken).ConfigureAwait(false);
            if (target is not null && target != link && essay.IsEssayUrl(target))
            {
                return target;
            }
        }

        return null;
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
