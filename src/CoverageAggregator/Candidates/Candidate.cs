using CoverageAggregator.Coverage;
using CoverageAggregator.Resolving;

namespace CoverageAggregator.Candidates;

/// <summary>
/// What a source found, before anything else is fetched for it: a feed entry or a social post, as the first step of the
/// flow that every source shares (candidate → <c>Resolving</c> → <c>Matching</c> → <c>Deduplication</c> → <c>Storage</c>).
/// Sources only read what they were given; the steps after them decide what it is.
/// </summary>
public sealed record Candidate
{
    /// <summary>The link the source gives (the entry's link, the post's URL); null for an entry without one.</summary>
    public string? Url { get; init; }

    /// <summary>What it would be as coverage: an article (feeds), a post or a discussion (social platforms).</summary>
    public string Kind { get; init; } = CoverageKinds.Article;
    public string? Title { get; init; }

    /// <summary>The plain text the source carries: a feed's content or summary, a post's text.</summary>
    public string Text { get; init; } = "";
    public IReadOnlyList<string> Links { get; init; } = [];
    public IReadOnlyList<string> BlockQuotes { get; init; } = [];
    public string? Author { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The outlet the source names (a feed's title, an aggregator's &lt;source&gt;, a platform).</summary>
    public string? Outlet { get; init; }

    /// <summary>Where the outlet lives, when an aggregator credits it (the RSS &lt;source url&gt; of a Google News item).</summary>
    public string? OutletUrl { get; init; }
    public string? Language { get; init; }

    /// <summary>Other URLs the source already knows it by (a post's web and app addresses).</summary>
    public IReadOnlyList<string> AlsoAt { get; init; } = [];
    public Engagement? Engagement { get; init; }

    /// <summary>
    /// For an aggregator's entry (Techmeme, hnrss, a subreddit, Lobsters): the aggregator, and the thread it names.
    /// <see cref="Url"/> is then the publisher's article it lists (<see cref="Aggregators"/>).
    /// </summary>
    public AggregatorEntry? Aggregator { get; init; }

    /// <summary>For a reply, quote-post or comment: the post it answers.</summary>
    public string? Parent { get; init; }

    /// <summary>
    /// True when the source's text may be all there is (a social post): nothing is fetched for it. A feed entry is
    /// false: its article page is read when the text is a summary or may concern an essay (<c>Resolving.PageNeed</c>).
    /// </summary>
    public bool Complete { get; init; }
}
