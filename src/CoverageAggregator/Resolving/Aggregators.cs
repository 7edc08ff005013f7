using CoverageAggregator.Matching;

namespace CoverageAggregator.Resolving;

/// <summary>
/// An aggregator's feed entry is discovery, not coverage: the article it lists is read and stored at the publisher's
/// URL, with the aggregator kept as the way it came (<c>via</c>). The one place that says which entries are an
/// aggregator's, what to read for them and under which name:
/// <list type="bullet">
/// <item>Techmeme (techmeme.com/feed.xml): the item's link is a Techmeme permalink; its description links the
/// publisher's article (a thumbnail and the bold headline), the outlet's home page and the permalink again;</item>
/// <item>hnrss, a subreddit's feed, Lobsters: the item links the story and names its forum thread
/// (<see cref="DiscussionThreads"/>), which is a discussion of that story.</item>
/// </list>
/// </summary>
public static class Aggregators
{
    public const string Techmeme = "Techmeme";

    /// <summary>
    /// What an aggregator's entry stands for: the article to read (<see cref="AggregatorEntry.ArticleUrl"/>, null when
    /// the entry names none) and the aggregator's name; null for any other entry (a publisher's own feed item).
    /// </summary>
    /// <param name="link">The entry's link.</param>
    /// <param name="links">The links of the entry's own HTML (description, content), in document order.</param>
    /// <param name="text">The entry's own text.</param>
    public static AggregatorEntry? Of(string? link, IReadOnlyList<string> links, string text)
    {
        if (IsTechmeme(link))
        {
            return new AggregatorEntry(links.FirstOrDefault(l => !IsTechmeme(l) && !EssayProfile.IsSiteRoot(l) && IsWeb(l)), Techmeme, Thread: null);
        }

        return DiscussionThreads.FindInBlurb(links, text) is { } thread ? new AggregatorEntry(link, thread.Forum, thread) : null;
    }

    private static bool IsTechmeme(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Host.Equals("techmeme.com", StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith(".techmeme.com", StringComparison.OrdinalIgnoreCase));

    private static bool IsWeb(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}

/// <summary>An aggregator's entry: the publisher's article it lists, the aggregator's name, and the forum thread it names (if any).</summary>
public sealed record AggregatorEntry(string? ArticleUrl, string Via, (string Url, string Forum)? Thread);
