using CoverageAggregator.Collection;
using CoverageAggregator.Coverage;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;

namespace CoverageAggregator.Sources.Social;

/// <summary>
/// Decides which social posts are coverage: a post cites an essay when <see cref="CitationMatcher"/> finds a link, a
/// verified quote or a mention. A post that names the essay but links only through a short link has that link followed.
/// Posts met twice in a run (two queries, two endpoints) give one item.
/// </summary>
internal sealed class SocialJudge(PageResolver pages)
{
    private const int MaxLinksResolved = 3;

    public async Task<IReadOnlyList<CoverageItem>> JudgeAsync(SourceContext context, IEnumerable<SocialPost> posts, CancellationToken cancellationToken)
    {
        var items = new Dictionary<(string Essay, string Key), CoverageItem>();
        foreach (var post in posts)
        {
            foreach (var essay in context.Essays)
            {
                if (await CitationOfAsync(essay, post, cancellationToken).ConfigureAwait(false) is not { } citation)
                {
                    continue;
                }

                var item = ItemOf(context, essay, post, citation);
                var key = (essay.Essay.Id, item.Key);
                items[key] = items.TryGetValue(key, out var earlier) ? earlier.MergeWith(item) : item;
            }
        }

        return items.Values.ToList();
    }

    private async Task<Citation?> CitationOfAsync(EssayProfile essay, SocialPost post, CancellationToken cancellationToken)
    {
        if (essay.IsEssayUrl(post.Url))
        {
            return null;
        }

        var candidate = new CandidateText(post.Title, post.Text, post.Links, post.BlockQuotes, post.PublishedAt, post.Url);
        var words = SplitText.Of(candidate);
        var citation = CitationMatcher.Match(essay, candidate, words);
        if (citation is { By: CitesBy.Link } || !CitationMatcher.MayConcern(essay, words.Words))
        {
            return citation;
        }

        // Only the post's links that may redirect (ShortLinks) are followed.
        return await pages.FindEssayTargetAsync(essay, post.Links, MaxLinksResolved, cancellationToken).ConfigureAwait(false) is { } target
            ? CitationMatcher.Match(essay, candidate with { Links = [.. post.Links, target] }, words)
            : citation;
    }

    private static CoverageItem ItemOf(SourceContext context, EssayProfile essay, SocialPost post, Citation citation) => new()
    {
        EssayId = essay.Essay.Id,
        Url = post.Url,
        AlsoAt = post.AlsoAt.Where(u => u != post.Url).Distinct(StringComparer.Ordinal).ToList(),
        Kind = post.Kind,
        Outlet = post.Outlet,
        Title = post.Title,
        Author = post.Author,
        PublishedAt = post.PublishedAt,
        CitesBy = citation.By,
        Quotes = citation.Quotes,
        Excerpt = FeedCollector.Excerpt(post.Text),
        Language = post.Language,
        SourceIds = [context.Source.Id],
        FirstSeenAt = context.Now,
        UpdatedAt = context.Now,
    };
}
