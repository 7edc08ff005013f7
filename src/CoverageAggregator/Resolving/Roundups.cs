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

        var ownSite = Uri.TryCreate(entry.Url, UriKind.Absolute, out var own) ? UrlCanonicalizer.SiteOf(own) : null;
        return entry.Links
            .Where(l => Uri.TryCreate(l, UriKind.Absolute, out var u)
                && UrlCanonicalizer.SiteOf(u) is var site && site != ownSite
                && !NotArticles.Any(h => site == h || site.EndsWith("." + h, StringComparison.Ordinal))
                && u.AbsolutePath.Trim('/').Length > 0
                && !essay.IsEssayUrl(l))
            .DistinctBy(UrlCanonicalizer.Key)
            .Take(MaxFollowed)
            .ToList();
    }

    /// <summary>The followed articles that cite the essay, each resolved as a candidate of its own (<see cref="CandidateResolver.OfPage"/>) with its citation; the articles are fetched at once, each once.</summary>
    public static async Task<IReadOnlyList<(ResolvedCandidate Article, Citation Citation)>> CitingArticlesAsync(
        PageResolver pages, EssayProfile essay, IReadOnlyList<string> links, CancellationToken cancellationToken)
    {
        var found = new List<(ResolvedCandidate, Citation)>();
        var fetched = await Task.WhenAll(links.Select(l => pages.FetchLinkedPageAsync(l, cancellationToken))).ConfigureAwait(false);
        foreach (var page in fetched)
        {
            if (page is not null && CandidateResolver.OfPage(page) is { } article && !essay.IsEssayUrl(article.Url)
                && CitationMatcher.Match(essay, article.Text, article.Words) is { } citation)
            {
                found.Add((article, citation));
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
}
