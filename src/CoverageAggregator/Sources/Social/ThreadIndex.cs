namespace CoverageAggregator.Sources.Social;

/// <summary>
/// The posts of one run by every name they are known by (URL, at:// URI, other forms), so that a reply finds its parent
/// and the posts above it, whichever name its platform used for the parent.
/// </summary>
internal sealed class ThreadIndex
{
    /// <summary>How far up a thread is walked: deeper chains (or a cycle in bad data) stop there.</summary>
    private const int MaxDepth = 64;

    private readonly Dictionary<string, SocialPost> _byName = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<SocialPost> _posts;

    public ThreadIndex(IEnumerable<SocialPost> posts)
    {
        _posts = posts.ToList();
        foreach (var post in _posts)
        {
            foreach (var name in post.AlsoAt.Prepend(post.Url))
            {
                _byName.TryAdd(name, post);
            }
        }
    }

    /// <summary>The posts, each after every post above it in its thread: parents are judged before their replies.</summary>
    public IEnumerable<SocialPost> ParentsFirst() => _posts.OrderBy(p => Ancestors(p).Count());

    /// <summary>The URL of the nearest post above <paramref name="post"/> that <paramref name="isItem"/> holds for coverage, or null.</summary>
    public string? NearestItem(SocialPost post, Func<string, bool> isItem) =>
        Ancestors(post).FirstOrDefault(isItem);

    /// <summary>The URLs above a post, nearest first: posts of this run by their URL, and last the name of a parent not in it.</summary>
    private IEnumerable<string> Ancestors(SocialPost post)
    {
        var parent = post.Parent;
        for (var depth = 0; parent is not null && depth < MaxDepth; depth++)
        {
            if (!_byName.TryGetValue(parent, out var above) || above == post)
            {
                yield return parent;
                yield break;
            }

            yield return above.Url;
            parent = above.Parent;
        }
    }
}
