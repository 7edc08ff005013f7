using System.Collections.Concurrent;
using CoverageAggregator.Feeds;
using CoverageAggregator.Fetching;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Resolving;

/// <summary>Fetches and reads article pages, and resolves links through redirects (short links, feed proxies) with a cache.</summary>
public sealed class PageResolver(Fetcher fetcher, GoogleNewsDecoder? googleNews = null)
{
    /// <summary>Entries kept in each cache before it is emptied.</summary>
    private const int CacheSize = 20_000;

    private readonly ConcurrentDictionary<string, Task<string?>> _resolved = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<ArticlePage?>> _linked = new(StringComparer.Ordinal);

    public Task<(ArticlePage? Page, FetchResult Fetch)> FetchPageAsync(string url, CancellationToken cancellationToken) =>
        FetchPageAsync(url, scan: null, cancellationToken);

    /// <summary>
    /// The page at <paramref name="url"/>, read; an article split over pages comes with its following pages joined
    /// (<see cref="PaginatedArticles"/>). With a <paramref name="scan"/>, a page in which it finds nothing that could cite
    /// an essay (nor in the URL it landed on), and that does not go on to a next page, is not parsed: it comes back as
    /// <see cref="ArticlePage.NotCiting"/>.
    /// </summary>
    public async Task<(ArticlePage? Page, FetchResult Fetch)> FetchPageAsync(string url, PageScan? scan, CancellationToken cancellationToken)
    {
        var (page, result) = await FetchOnePageAsync(new Uri(url), scan, cancellationToken).ConfigureAwait(false);
        return page is null or { MayCite: false }
            ? (page, result)
            : (await PaginatedArticles.JoinAsync(page, async (next, ct) => (await FetchOnePageAsync(next, scan: null, ct).ConfigureAwait(false)).Page, cancellationToken).ConfigureAwait(false), result);
    }

    private async Task<(ArticlePage? Page, FetchResult Fetch)> FetchOnePageAsync(Uri url, PageScan? scan, CancellationToken cancellationToken)
    {
        var result = await fetcher.FetchAsync(new FetchRequest(url, Accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"), cancellationToken).ConfigureAwait(false);
        if (!result.IsOk)
        {
            return (null, result);
        }

        var html = TextDecoding.Decode(result.Body, result.Charset);
        if (scan is not null && !scan.MayCite(html) && !scan.MayCite(result.FinalUrl.AbsoluteUri) && !PaginatedArticles.MayGoOn(html))
        {
            return (ArticlePage.NotCiting(result.FinalUrl), result);
        }

        return (ArticleParser.Parse(html, result.FinalUrl), result);
    }

    /// <summary>
    /// The publisher's article for a Google News item whose link does not redirect: the URL inside an old-style token,
    /// else the URL Google's own decoding gives (<see cref="GoogleNewsDecoder"/>), else the entry of the outlet's own
    /// feed (advertised on its home page, the item's &lt;source url&gt;) with the same title, else a link with that title
    /// on the home page. <see cref="PublisherArticle.Url"/> is null when none is found; <see cref="PublisherArticle.TryLater"/>
    /// then says why, when Google's decoding may still succeed later (it asked to slow down, or did not answer).
    /// </summary>
    public async Task<PublisherArticle> FindPublisherArticleAsync(string googleNewsUrl, string? title, string? sourceUrl, CancellationToken cancellationToken)
    {
        var decoding = googleNews is null ? null : await googleNews.DecodeAsync(googleNewsUrl, cancellationToken).ConfigureAwait(false);
        if (decoding?.Url is { } fromGoogle)
        {
            return new(fromGoogle, null);
        }

        var searched = await SearchPublisherAsync(googleNewsUrl, title, sourceUrl, cancellationToken).ConfigureAwait(false);
        return new(searched, searched is null && decoding is { TryLater: true } ? decoding.Problem : null);
    }

    /// <summary>The publisher's article found without Google: the old token's URL, the outlet's feed, its home page.</summary>
    private async Task<string?> SearchPublisherAsync(string googleNewsUrl, string? title, string? sourceUrl, CancellationToken cancellationToken)
    {
        if (GoogleNewsLinks.DecodeArticleUrl(googleNewsUrl) is { } decoded)
        {
            return decoded;
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
    /// The essay URL that one of <paramref name="links"/> lands on after its redirects. Only links that may redirect
    /// (<see cref="ShortLinks.MayRedirect"/>: short links, app links, feed proxies, redirectors) are followed, at most
    /// <paramref name="max"/> of them, all at once and each once (<see cref="ResolveAsync"/> caches); null when none lands on the essay.
    /// </summary>
    public async Task<string?> FindEssayTargetAsync(EssayProfile essay, IEnumerable<string> links, int max, CancellationToken cancellationToken)
    {
        var followed = links.Where(ShortLinks.MayRedirect).Distinct(StringComparer.Ordinal).Take(max).ToList();
        var targets = await Task.WhenAll(followed.Select(l => ResolveAsync(l, cancellationToken))).ConfigureAwait(false);
        return targets.Where((target, i) => target is not null && target != followed[i] && essay.IsEssayUrl(target)).FirstOrDefault();
    }

    /// <summary>
    /// The page a link points to, fetched once however many entries point to it (an article that several roundups link);
    /// null when it cannot be read.
    /// </summary>
    public Task<ArticlePage?> FetchLinkedPageAsync(string url, CancellationToken cancellationToken)
    {
        if (_linked.Count > CacheSize)
        {
            _linked.Clear();
        }

        return _linked.GetOrAdd(UrlCanonicalizer.Canonicalize(url) ?? url, async _ =>
            (await FetchPageAsync(url, cancellationToken).ConfigureAwait(false)).Page);
    }

    /// <summary>Where a link finally lands after its redirects; null when it cannot be reached.</summary>
    public Task<string?> ResolveAsync(string url, CancellationToken cancellationToken)
    {
        if (_resolved.Count > CacheSize)
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

/// <summary>The publisher's article behind a Google News link, or why it is not known yet (<see cref="TryLater"/>).</summary>
public sealed record PublisherArticle(string? Url, string? TryLater);
