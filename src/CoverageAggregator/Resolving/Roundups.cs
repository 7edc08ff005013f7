using CoverageAggregator.Matching;

namespace CoverageAggregator.Resolving;

/// <summary>
/// Techmeme-style clusters (a headline link and "More:" links) and linkblog entries point at articles: when such an
/// entry talks about the essay without linking it, the coverage is the articles it points to. Their links are
/// followed one hop, and each article that cites the essay is coverage in its own right (its own URL and outlet).
/// </summary>
public static class Roundups
{
    /// <summary>An entry with more words than this is an article of its own, not a pointer to others.</summary>
    public const int MaxPointerWords = 250;

    /// <summary>Articles fetched per entry at most.</summary>
    public const int MaxFollowed = 6;

    /// <summary>Hosts whose links are discussion or sharing, not articles (the "X:" and "Threads:" lines of a cluster).</summary>
    private static readonly string[] NotArticles =
    [
        "twitter.com", "x.com", "facebook.com", "instagram.com", "threads.net", "bsky.app", "linkedin.com", "reddit.com",
        "news.ycombinator.com", "youtube.com", "youtu.be", "tiktok.com", "mastodon.social", "t.me", "google.com", "apple.com",
    ];

    /// <summary>The outbound article links worth following for this entry; empty when it is not a pointer entry about the essay.</summary>
    /// <param name="titleAndText">The entry's title and text split (<see cref="SplitText.Of"/>), when the caller keeps them.</param>
    public static IReadOnlyList<string> LinksToFollow(EssayProfile essay, CandidateText entry, Citation? ownCitation, SplitText? titleAndText = null)
    {
        if (ownCitation is { By: CitesBy.Link } || Words.Count(entry.Text) > MaxPointerWords
            || !CitationMatcher.MayConcern(essay, (titleAndText ?? SplitText.Of(entry)).Words))
        {
            return [];
        }

        var ownHost = Uri.TryCreate(entry.Url, UriKind.Absolute, out var own) ? HostKey(own.Host) : null;
        return entry.Links
            .Where(l => Uri.TryCreate(l, UriKind.Absolute, out var u)
                && HostKey(u.Host) != ownHost
                && !NotArticles.Any(h => HostKey(u.Host) == h || HostKey(u.Host).EndsWith("." + h, StringComparison.Ordinal))
                && u.AbsolutePath.Trim('/').Length > 0
                && !essay.IsEssayUrl(l))
            .DistinctBy(UrlCanonicalizer.Key)
            .Take(MaxFollowed)
            .ToList();
    }

    /// <summary>The followed articles that cite the essay, each with its page, canonical URL and citation; the articles are fetched at once, each once.</summary>
    public static async Task<IReadOnlyList<(ArticlePage Page, string Url, Citation Citation)>> CitingArticlesAsync(
        PageResolver pages, EssayProfile essay, IReadOnlyList<string> links, CancellationToken cancellationToken)
    {
        var found = new List<(ArticlePage, string, Citation)>();
        var fetched = await Task.WhenAll(links.Select(l => pages.FetchLinkedPageAsync(l, cancellationToken))).ConfigureAwait(false);
        foreach (var page in fetched)
        {
            if (page is null || UrlCanonicalizer.Canonicalize(page.CanonicalUrl ?? page.OgUrl ?? page.Url.AbsoluteUri) is not { } url
                || essay.IsEssayUrl(url) || GoogleNewsLinks.IsGoogleNews(url))
            {
                continue;
            }

            var candidate = new CandidateText(page.Title, page.MainText, page.Links, page.BlockQuotes, page.PublishedAt, url);
            if (CitationMatcher.Match(essay, candidate) is { } citation)
            {
                found.Add((page, url, citation));
            }
        }

        return found;
    }

    /// <summary>
    /// The essay URL that one of the followed links landed on (a short link, an app link: the entry links the essay
    /// through it); null when none did. The pages are those <see cref="CitingArticlesAsync"/> fetched (cached).
    /// </summary>
    public static async Task<string?> EssayLandedOnAsync(PageResolver pages, EssayProfile essay, IReadOnlyList<string> links, CancellationToken cancellationToken)
    {
        var fetched = await Task.WhenAll(links.Select(l => pages.FetchLinkedPageAsync(l, cancellationToken))).ConfigureAwait(false);
        return fetched.OfType<ArticlePage>()
            .SelectMany(p => new[] { p.Url.AbsoluteUri, p.CanonicalUrl, p.OgUrl })
            .FirstOrDefault(essay.IsEssayUrl);
    }

    private static string HostKey(string host)
    {
        host = host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
