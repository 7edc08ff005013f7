using CoverageAggregator.Collection;
using CoverageAggregator.Coverage;
using CoverageAggregator.Matching;
using CoverageAggregator.Resolving;

namespace CoverageAggregator.Sources.Social;

/// <summary>
/// Decides which social posts are coverage: a post cites an essay when <see cref="CitationMatcher"/> finds a link, a
/// verified quote or a mention. A post that names the essay but links only through a short link has that link followed.
/// Posts met twice in a run (two queries, two endpoints) give one item. A reply, quote-post or comment below a post that is
/// coverage of an essay is judged by <see cref="ThreadJudge"/> and attached to the nearest such post above it (its Parent).
/// </summary>
internal sealed class SocialJudge(CoverageJudge judge)
{
    /// <summary>A post's links followed through redirects when it names the essay without linking it.</summary>
    private const int MaxLinksFollowed = 3;

    public async Task<IReadOnlyList<CoverageItem>> JudgeAsync(SourceContext context, IEnumerable<SocialPost> posts, CancellationToken cancellationToken)
    {
        var thread = new ThreadIndex(posts);
        var items = new Dictionary<(string Essay, string Key), CoverageItem>();
        foreach (var post in thread.ParentsFirst())
        {
            foreach (var essay in context.Essays)
            {
                var above = post.Parent is null ? null : thread.NearestItem(post, url => items.ContainsKey((essay.Essay.Id, CoverageItem.KeyFor(url))));
                if (await CitationOfAsync(essay, post, inThread: above is not null, cancellationToken).ConfigureAwait(false) is not { } citation)
                {
                    continue;
                }

                var item = ItemOf(context, essay, post, citation) with { Parent = above ?? post.Parent };
                var key = (essay.Essay.Id, item.Key);
                items[key] = items.TryGetValue(key, out var earlier) ? earlier.MergeWith(item) : item;
            }
        }

        return items.Values.ToList();
    }

    /// <summary>The posts that cite some essay by themselves: those whose threads and quotes are worth reading.</summary>
    public async Task<IReadOnlyList<SocialPost>> CitingAsync(SourceContext context, IEnumerable<SocialPost> posts, CancellationToken cancellationToken)
    {
        var citing = new List<SocialPost>();
        foreach (var post in posts.OrderByDescending(p => p.PublishedAt))
        {
            foreach (var essay in context.Essays)
            {
                if (await CitationOfAsync(essay, post, inThread: false, cancellationToken).ConfigureAwait(false) is not null)
                {
                    citing.Add(post);
                    break;
                }
            }
        }

        return citing;
    }

    /// <param name="inThread">The post answers or quotes, directly or further down, a post that cites the essay: <see cref="ThreadJudge"/> decides.</param>
    private async Task<Citation?> CitationOfAsync(EssayProfile essay, SocialPost post, bool inThread, CancellationToken cancellationToken)
    {
        if (essay.IsEssayUrl(post.Url))
        {
            return null;
        }

        var candidate = new CandidateText(post.Title, post.Text, post.Links, post.BlockQuotes, post.PublishedAt, post.Url);
        var words = SplitText.Of(candidate);
        var citation = await judge.CiteAsync(essay, candidate, words, MaxLinksFollowed, cancellationToken).ConfigureAwait(false);
        return citation ?? (inThread && ThreadJudge.Discusses(essay, candidate, words) ? ThreadJudge.Discussion : null);
    }

    private static CoverageItem ItemOf(SourceContext context, EssayProfile essay, SocialPost post, Citation citation) =>
        CoverageItems.Cited(context, essay, CandidateResolver.AsIs(post.ToCandidate()), citation);
}
