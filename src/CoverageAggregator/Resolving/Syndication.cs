using CoverageAggregator.Candidates;
using CoverageAggregator.Matching;

namespace CoverageAggregator.Resolving;

/// <summary>
/// A copy whose rel=canonical names another site, or that declares another page its syndication source, is syndicated:
/// its site name is the syndicator's, not the outlet's. Where the copy lives is told by its own URLs (og:url, the URL it
/// was fetched from) or by the publisher an aggregator credits (the RSS &lt;source url&gt;); sites compare by
/// <see cref="UrlCanonicalizer.SiteKey"/>.
/// </summary>
public static class Syndication
{
    public static bool IsCopy(Candidate found, ArticlePage? page, string canonical)
    {
        if (page?.SyndicationSource is { } source && UrlCanonicalizer.Key(source) != UrlCanonicalizer.Key(page.Url.AbsoluteUri))
        {
            return true;
        }

        var canonicalSite = UrlCanonicalizer.SiteOf(new Uri(canonical));
        return new[] { page?.OgUrl, page?.Url.AbsoluteUri, found.OutletUrl }
            .Select(UrlCanonicalizer.SiteKey)
            .Any(site => site is not null && site != canonicalSite); // an address literal has no site key: it says nothing
    }
}
