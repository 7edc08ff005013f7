using CoverageAggregator.Candidates;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Resolving;

/// <summary>
/// The resolve step: from what a source found to what it is. The article page is read when asked (<see cref="PageNeed"/>),
/// through a Google News link to the publisher's article; a short link or feed proxy is followed to where it lands;
/// the identity is the page's rel=canonical, else og:url, else the cleaned URL. A Google News URL is never an identity
/// nor an "also at" (this is the one place that rule is applied to what becomes coverage).
/// </summary>
public sealed class CandidateResolver(PageResolver pages)
{
    /// <param name="words">The candidate's own title and text split, reused when the page adds no text.</param>
    /// <param name="readPage">Whether the article page must be read (<see cref="PageNeed.WantsPage"/>).</param>
    /// <param name="scan">When given, the page is parsed only when the scan finds in it something it could cite by; a page
    /// in which it finds nothing makes the candidate nothing (<see cref="PageRead.IfScanFinds"/>).</param>
    public async Task<Resolution> ResolveAsync(Candidate found, SplitText words, bool readPage, PageScan? scan, CancellationToken cancellationToken)
    {
        if (found.Complete)
        {
            return found.Url is null ? Resolution.Nothing : new(AsIs(found, words));
        }

        var (page, link, tryLater) = readPage ? await ReadArticleAsync(found, scan, cancellationToken).ConfigureAwait(false) : (null, found.Url, null);
        if (tryLater is not null)
        {
            return new(null, tryLater);
        }

        if (page is { MayCite: false })
        {
            return Resolution.Nothing; // nothing on the page, nor in the candidate, that could cite an essay
        }

        if (page is null && ShortLinks.IsShortOrProxy(link))
        {
            link = await pages.ResolveAsync(link!, cancellationToken).ConfigureAwait(false) ?? link;
        }

        if (IdentityOf(page, link) is not { } canonical)
        {
            return Resolution.Nothing;
        }

        // An aggregator's blurb (its permalink, the outlet's home page, the thread) is not the article's: the page speaks for it.
        var blurb = found.Aggregator is not null && page is not null ? found with { Links = [], BlockQuotes = [] } : found;
        var text = new CandidateText(
            found.Title ?? page?.Title,
            page is { MainText.Length: > 0 } ? page.MainText : found.Text,
            (page?.Links ?? []).Concat(blurb.Links).Distinct(StringComparer.Ordinal).ToList(),
            (page?.BlockQuotes ?? []).Concat(blurb.BlockQuotes).ToList(),
            found.PublishedAt ?? page?.PublishedAt,
            canonical);
        var split = SplitText.Of(text);
        return new(new ResolvedCandidate
        {
            Found = found,
            Url = canonical,
            AlsoAt = OtherUrls(canonical, link, page?.Url.AbsoluteUri, page?.OgUrl),
            Page = page,
            Text = text,
            Words = split.Text == words.Text ? words : split,
            Syndicated = Syndication.IsCopy(found, page, canonical),
            Deep = readPage,
            // An aggregator's entry for an article, not for its own thread (an Ask HN), credits the article to the aggregator.
            Via = found.Aggregator is { } aggregator && aggregator.Thread?.Url != canonical ? aggregator : null,
        });
    }

    /// <summary>An article page met by following a link (a roundup's pointer), resolved on its own: it is its own candidate.</summary>
    public static ResolvedCandidate? OfPage(ArticlePage page)
    {
        if (IdentityOf(page, null) is not { } canonical)
        {
            return null;
        }

        var found = new Candidate { Url = page.Url.AbsoluteUri, Outlet = page.SiteName ?? page.Url.Host };
        var text = new CandidateText(page.Title, page.MainText, page.Links, page.BlockQuotes, page.PublishedAt, canonical);
        return new ResolvedCandidate
        {
            Found = found,
            Url = canonical,
            AlsoAt = OtherUrls(canonical, page.Url.AbsoluteUri),
            Page = page,
            Text = text,
            Words = SplitText.Of(text),
            Syndicated = Syndication.IsCopy(found, page, canonical),
        };
    }

    /// <summary>A candidate that is all its source says (a social post), known by its own URL: nothing to fetch or follow.</summary>
    public static ResolvedCandidate AsIs(Candidate found, SplitText? words = null)
    {
        var url = found.Url ?? throw new ArgumentException("A complete candidate has a URL of its own.", nameof(found));
        var text = new CandidateText(found.Title, found.Text, found.Links, found.BlockQuotes, found.PublishedAt, url);
        return new()
        {
            Found = found,
            Url = url,
            AlsoAt = found.AlsoAt.Where(u => u != url).Distinct(StringComparer.Ordinal).ToList(),
            Text = text,
            Words = words ?? SplitText.Of(text),
        };
    }

    /// <summary>The URL the candidate is known by; null when it has none or only a Google News one.</summary>
    private static string? IdentityOf(ArticlePage? page, string? link) =>
        UrlCanonicalizer.Canonicalize(page?.CanonicalUrl ?? page?.OgUrl ?? page?.Url.AbsoluteUri ?? link) is { } canonical
            && !GoogleNewsLinks.IsGoogleNews(canonical) ? canonical : null;

    private static List<string> OtherUrls(string canonical, params string?[] urls) => urls
        .Select(UrlCanonicalizer.Canonicalize).OfType<string>()
        .Where(u => u != canonical && !GoogleNewsLinks.IsGoogleNews(u))
        .Distinct(StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// The candidate's article page. A Google News link that does not reach the publisher (it answers with a Google page,
    /// or fails) is replaced by the publisher's article found from the token, the title and the &lt;source url&gt;; when
    /// none is found the link is dropped, so no item ever carries a Google News URL.
    /// </summary>
    /// <remarks>
    /// TryLater is set when the page could not be had for a reason that may pass (no answer, a timeout, 429, a server
    /// error, Google asking to slow down): the candidate is then kept pending rather than judged on its summary alone.
    /// </remarks>
    private async Task<(ArticlePage? Page, string? Link, string? TryLater)> ReadArticleAsync(Candidate found, PageScan? scan, CancellationToken cancellationToken)
    {
        var (page, fetch) = await pages.FetchPageAsync(found.Url!, scan, cancellationToken).ConfigureAwait(false);
        if (!GoogleNewsLinks.IsGoogleNews(found.Url) || (page is not null && !GoogleNewsLinks.IsGooglePage(page.Url) && !GoogleNewsLinks.IsGoogleNews(page.Url)))
        {
            return (page, found.Url, page is null && fetch.MayPassLater ? "article page: " + fetch.Problem : null);
        }

        var publisher = await pages.FindPublisherArticleAsync(found.Url!, found.Title, found.OutletUrl, cancellationToken).ConfigureAwait(false);
        if (publisher.Url is null)
        {
            return (null, null, publisher.TryLater);
        }

        var (article, articleFetch) = await pages.FetchPageAsync(publisher.Url, scan, cancellationToken).ConfigureAwait(false);
        return (article, publisher.Url, article is null && articleFetch.MayPassLater ? "article page: " + articleFetch.Problem : null);
    }
}
